package dev.clipig.core.postproc;

import static dev.clipig.core.transforms.GradientCheck.context;
import static dev.clipig.core.transforms.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.core.transforms.Blur;
import dev.clipig.core.transforms.Boundary;
import dev.clipig.core.transforms.Mean;
import dev.clipig.core.transforms.Noise;
import dev.clipig.core.transforms.Pad;
import dev.clipig.core.transforms.Rotate;
import dev.clipig.core.transforms.ScalarParam;
import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.VectorParam;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class PostProcessorTest {

    private static final Size SIZE = new Size(6, 5);
    private final INDArray pixels = uniform(2, -0.2, 1.2, 1, 3, 5, 6);

    @Test
    void blurAveragesNeighboursWithoutClampingFirst() {
        INDArray out = new PostProcessor(new Blur(VectorParam.of(3), null)).apply(pixels, context(1, SIZE));
        double sigma = 0.8, side = Math.exp(-0.5 / (sigma * sigma)), sum = 1 + 2 * side;
        double expected = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                double w = (dy == 0 ? 1 : side) * (dx == 0 ? 1 : side) / (sum * sum);
                expected += w * pixels.getDouble(0, 1, 2 + dy, 3 + dx);
            }
        }
        assertEquals(expected, out.getDouble(0, 1, 2, 3), 1e-9);
        assertEquals(pixels.getDouble(0, 0, 0, 0), pixels.dup().getDouble(0, 0, 0, 0), "input kept");
    }

    @Test
    void meanNoiseAndGeometricEffectsKeepTheSize() {
        INDArray centered = new PostProcessor(new Mean(VectorParam.of(0.3))).apply(pixels, context(1, SIZE));
        assertEquals(0.3, centered.meanNumber().doubleValue(), 1e-9);
        INDArray noisy = new PostProcessor(new Noise(VectorParam.of(0.1))).apply(pixels, context(1, SIZE));
        assertTrue(noisy.sub(pixels).amaxNumber().doubleValue() > 0);
        INDArray turned = new PostProcessor(new Rotate(ScalarParam.of(180))).apply(pixels, context(1, SIZE));
        // about pixel (3, 2), as the reference takes the center to whole pixels: row i <- 3 - i
        assertEquals(pixels.getDouble(0, 2, 2, 1), turned.getDouble(0, 2, 1, 4), 1e-9);
        assertEquals(0, turned.getDouble(0, 2, 4, 4), 1e-9, "the row from outside is black");
    }

    @Test
    void rejectsEffectsThatResize() {
        PostProcessor pad = new PostProcessor(new Pad(1, 1, Boundary.Mode.EDGE));
        assertThrows(IllegalArgumentException.class, () -> pad.apply(pixels, context(1, SIZE)));
    }
}
