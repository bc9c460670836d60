package dev.clipig.clip.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clipig.clip.RandomWeights;
import dev.clipig.weights.ClipHyperParams;
import dev.clipig.clip.runtime.Forward;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The analytic backward of the whole image encoder against central finite differences, in float64. */
class VisionTransformerGradientTest {

    private static final int RESOLUTION = 8, PATCH = 4, WIDTH = 16, HEADS = 2, LAYERS = 2, EMBED = 6;

    private final VisionTransformer vit = VisionTransformer.load(new RandomWeights(
            new ClipHyperParams(EMBED, RESOLUTION, LAYERS, WIDTH, HEADS, PATCH, 4, 10, WIDTH, 1, 1), DataType.DOUBLE, 7),
            LAYERS, HEADS);

    private double loss(INDArray pixels, INDArray g) {
        return vit.forward(pixels).mul(g).sumNumber().doubleValue();
    }

    @Test
    void pixelGradientMatchesFiniteDifferences() {
        INDArray pixels = Nd4j.randn(DataType.DOUBLE, 2, 3, RESOLUTION, RESOLUTION);
        INDArray g = Nd4j.randn(DataType.DOUBLE, 2, EMBED);
        Forward<VisionTransformer.Saved> forward = vit.forwardSaving(pixels);
        INDArray grad = vit.backward(g, forward.saved());
        assertEquals(LAYERS, forward.saved().blocks().size(), "one saved record per block");
        assertArrayEquals(pixels.shape(), grad.shape());

        Random random = new Random(3);
        double h = 1e-6;
        for (int trial = 0; trial < 40; trial++) {
            long[] at = {random.nextInt(2), random.nextInt(3), random.nextInt(RESOLUTION), random.nextInt(RESOLUTION)};
            double x = pixels.getDouble(at);
            pixels.putScalar(at, x + h);
            double up = loss(pixels, g);
            pixels.putScalar(at, x - h);
            double down = loss(pixels, g);
            pixels.putScalar(at, x);
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, grad.getDouble(at), 1e-6 * Math.max(1, Math.abs(numeric)), "at " + java.util.Arrays.toString(at));
        }
    }

    @Test
    void inferenceAndRecordingForwardAgree() {
        INDArray pixels = Nd4j.randn(DataType.DOUBLE, 3, 3, RESOLUTION, RESOLUTION);
        INDArray a = vit.forward(pixels);
        INDArray b = vit.forwardSaving(pixels).output();
        assertEquals(0, a.sub(b).amaxNumber().doubleValue(), 0);
        assertArrayEquals(new long[] {3, EMBED}, a.shape());
    }
}
