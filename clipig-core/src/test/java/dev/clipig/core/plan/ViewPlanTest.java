package dev.clipig.core.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.config.TargetSpec;
import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.Step;
import dev.clipig.core.transforms.StepContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
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
        ViewPlan.Backward back = views.backward(Nd4j.zeros(DataType.FLOAT, 6, 3, 8, 8),
                new StepContext(step, new SplittableRandom(1)), 1.0);
        assertArrayEquals(new long[] {3, 16, 24}, back.pixelGradient().shape());
        assertTrue(back.constraintLoss() > 0, "a random image has variation: " + back.constraintLoss());
    }
}
