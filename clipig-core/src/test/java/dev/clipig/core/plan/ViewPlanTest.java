package dev.clipig.core.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.config.TargetSpec;
import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.Step;
import dev.clipig.core.transforms.StepContext;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ViewPlanTest {

    private static TargetSpec target(String yaml) {
        return ClipigConfig.parse("targets:\n  - features: [{text: a}]\n" + yaml, "t.yaml").targets().get(0);
    }

    @Test
    void cutoutsMultiplyTheViewsOfEachImageOfTheBatch() {
        TargetSpec spec = target("""
                    batch_size: 2
                    transforms:
                      - cutouts: {count: 3, size: 0.3 0.9}
                    constraints:
                      - total_variation: {weight: 0.5}
                """);
        Size image = new Size(24, 16);
        Step step = Step.start(10, image);
        ViewPlan plan = ViewPlan.of(spec, image, 8, step);
        INDArray pixels = Nd4j.rand(DataType.FLOAT, 3, 16, 24);
        ViewPlan.Views views = plan.views(pixels, new StepContext(step, new SplittableRandom(1)));

        assertArrayEquals(new long[] {6, 3, 8, 8}, views.normalized().shape());
        double[] weights = new double[6];
        Arrays.fill(weights, 1.0);
        ViewPlan.Backward back = views.backward(Nd4j.zeros(DataType.FLOAT, 6, 3, 8, 8),
                new StepContext(step, new SplittableRandom(1)), new double[6], weights);
        assertArrayEquals(new long[] {3, 16, 24}, back.pixelGradient().shape());
        assertTrue(back.constraintLoss() > 0, "a random image has variation: " + back.constraintLoss());
    }

    /** How many views of a 32-px image a target with this transform and batch_size 4 shows CLIP in a step. */
    private static long views(String transform) {
        ClipigConfig config = ClipigConfig.parse("""
                targets:
                  - batch_size: 4
                    transforms:
                      - %s
                """.formatted(transform), "views.yaml");
        RunPlan plan = new RunPlan(List.of(new TargetPlan(config.targets().get(0), Optional.empty(), new double[0])), 16);
        Step step = Step.start(10, Size.square(32));
        ViewPlan views = plan.views(Size.square(32), step).get(0);
        return views.views(Nd4j.rand(3, 32, 32), new StepContext(step, new SplittableRandom(1))).normalized().size(0);
    }

    // CLIPig's training step makes batch_size views of a target only if one of its transforms has
    // IS_RANDOM set, which only its noises and random_rotate have; otherwise it makes one.
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "noise: 0.1; 4", "bwnoise: 0.1; 4", "fnoise: 0.1; 4", "'rnoise: {std: 0.1, resolution: 8}'; 4",
            "random_rotate: {degree: -5 5}; 4",
            "random_crop: 24; 1", "random_scale: .5 1; 1", "random_shift: 0 1; 1", "random_translate: .1 .1; 1",
            "mul: 0.5; 1"})
    void onlyCLIPigsRandomTransformsMakeABatch(String transform, long expected) {
        assertEquals(expected, views(transform), transform);
    }

    @Test
    void aRandomCropWithANoiseMakesABatch() {
        assertEquals(4, views("random_crop: 24\n      - noise: 0.1"));
    }
}
