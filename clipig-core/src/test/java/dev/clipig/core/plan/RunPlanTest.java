package dev.clipig.core.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clipig.clip.ClipEnsemble;
import dev.clipig.clip.ClipModel;
import dev.clipig.core.config.ClipigConfig;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RunPlanTest {

    @Test
    void fairScalesEqualiseTheInitialImagesSimilaritiesWithTheLargestScaleOne() {
        // CLIPig's _get_features_scalings: once, before the first step, the similarity s of each
        // feature to the whole initial image; scales 1 / s, divided by their maximum.
        ClipModel toy = ClipModel.load(Path.of("../clip-model/src/main/resources/dev/clipig/clip/models/toy-shapes.safetensors"));
        ClipigConfig config = ClipigConfig.parse("""
                targets:
                  - feature_scale: fair
                    features:
                      - text: a red circle on white
                      - text: a blue square on black
                      - text: a green triangle
                  - features:
                      - text: a red circle on white
                      - text: a blue square on black
                """, "fair.yaml");
        Nd4j.getRandom().setSeed(1);
        INDArray initial = Nd4j.rand(DataType.FLOAT, 3, 40, 40);
        RunPlan plan = RunPlan.of(config.targets(), ClipEnsemble.of(toy), initial);
        double[] scales = plan.targets().get(0).featureScales();
        INDArray image = toy.encodeImages(ViewPlan.wholeImage(initial, toy.imageResolution()));
        double[] similarity = ClipModel.normalize(plan.targets().get(0).features().orElseThrow().get(0))
                .mmul(ClipModel.normalize(image).transpose()).toDoubleVector();
        assertEquals(1.0, Arrays.stream(scales).max().orElseThrow(), 1e-12);
        for (int j = 1; j < 3; j++) {
            assertEquals(similarity[0] * scales[0], similarity[j] * scales[j], 1e-5, "feature " + j);
        }
        assertArrayEquals(new double[] {1, 1}, plan.targets().get(1).featureScales(), "equal");
    }
}
