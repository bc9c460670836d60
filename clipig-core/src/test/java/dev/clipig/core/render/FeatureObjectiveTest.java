package dev.clipig.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clipig.clip.ClipModel;
import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.config.TargetSpec;
import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.Step;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FeatureObjectiveTest {

    private static TargetSpec target(String weight) {
        return ClipigConfig.parse("""
                targets:
                  - weight: %s
                    features:
                      - text: a
                """.formatted(weight), "weights.yaml").targets().get(0);
    }

    private static FeatureObjective.Evaluation evaluate(String weight, INDArray targets, INDArray views, double scale) {
        TargetSpec spec = target(weight);
        return new FeatureObjective(spec.features(), targets, spec.select(), new double[] {scale}, spec.weight())
                .evaluate(views, Step.start(10, Size.square(8)));
    }

    @Test
    void theTargetWeightReadsEachViewsOwnScaledSimilarity() {
        // CLIPig computes a target's loss view by view: the similarity its weight expression reads
        // is that view's mean similarity to the features, after the feature scales.
        Nd4j.getRandom().setSeed(3);
        INDArray targets = Nd4j.rand(DataType.DOUBLE, 1, 6).subi(0.5);
        INDArray views = Nd4j.rand(DataType.DOUBLE, 3, 6).subi(0.5).addi(targets.mul(2));
        double scale = 0.5;
        FeatureObjective.Evaluation plain = evaluate("1", targets, views, scale);
        FeatureObjective.Evaluation weighted = evaluate("similarity / 100", targets, views, scale);
        double[] cos = ClipModel.normalize(views).mmul(ClipModel.normalize(targets).transpose()).toDoubleVector();
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            double w = 100 * cos[i] * scale / 100;
            assertEquals(100 * cos[i] * scale, weighted.viewSimilarity()[i], 1e-9, "view " + i);
            assertEquals(w, weighted.viewWeight()[i], 1e-9);
            expected += w * (1 - cos[i]);
            INDArray row = weighted.gradient().getRow(i), unweighted = plain.gradient().getRow(i).mul(w);
            assertEquals(0, row.sub(unweighted).amaxNumber().doubleValue(), 1e-12, "gradient of view " + i);
        }
        assertEquals(expected, weighted.loss(), 1e-9);
        assertEquals(100 * (cos[0] + cos[1] + cos[2]) / 3, weighted.similarities()[0], 1e-9, "reported unscaled");
    }
}
