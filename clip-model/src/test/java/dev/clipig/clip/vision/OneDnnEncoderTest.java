package dev.clipig.clip.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.clip.RandomWeights;
import dev.clipig.clip.nn.OneDnnTransformer;
import dev.clipig.weights.ClipHyperParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The image encoder's inference through oneDNN's primitives against ND4J's ops: the two paths
 * must agree to float32 rounding at every batch size (each size has its own plan, and a plan must
 * serve its size again with other pixels), with one head and with several. One head at batch 1 is
 * where oneDNN 2.5 once read k and v from the wrong place (docs/performance.md).
 */
class OneDnnEncoderTest {

    private static VisionTransformer encoder(int resolution, int patch, int width, int heads) {
        return VisionTransformer.load(new RandomWeights(new ClipHyperParams(24, resolution, 2, width, heads, patch,
                4, 10, 64, 1, 1), DataType.FLOAT, 5), 2, heads);
    }

    private static OneDnnTransformer blocks(VisionTransformer vit) {
        return OneDnnTransformer.of(vit.transformer())
                .orElseThrow(() -> new AssertionError("oneDNN must run on the CPU build the tests use"));
    }

    @ParameterizedTest(name = "{0} px / {1}, width {2}, {3} head(s), batch {4}")
    @CsvSource({"64, 16, 64, 1, 1", "64, 16, 64, 1, 2", "32, 8, 128, 2, 1", "32, 8, 128, 2, 3", "32, 8, 128, 2, 5"})
    void matchesNd4jsOps(int resolution, int patch, int width, int heads, int batch) {
        VisionTransformer vit = encoder(resolution, patch, width, heads);
        OneDnnTransformer blocks = blocks(vit);
        for (int round = 0; round < 2; round++) {
            // Between rounds the collector runs: a buffer held only by a collected Java object would be freed.
            if (round > 0) System.gc();
            INDArray pixels = Nd4j.randn(DataType.FLOAT, batch, 3, resolution, resolution);
            INDArray expected = vit.forward(pixels), actual = vit.forward(pixels, blocks);
            assertArrayEquals(expected.shape(), actual.shape());
            double error = expected.sub(actual).amaxNumber().doubleValue() / expected.amaxNumber().doubleValue();
            assertTrue(error < 1e-5, "round " + round + ": max |error| / max |value| " + error);
        }
    }

    /** Every token out of the last block too, and a narrowing to more than the class token. */
    @ParameterizedTest(name = "{0} of 17 queries")
    @CsvSource({"17", "3"})
    void blocksMatchNd4jsForAnyNumberOfQueries(int queries) {
        VisionTransformer vit = encoder(64, 16, 64, 1);
        INDArray x = Nd4j.randn(DataType.FLOAT, 2 * 17, 64);
        INDArray expected = vit.transformer().forward(x.dup(), 2, queries, false).output();
        INDArray actual = blocks(vit).forward(x.dup(), 2, queries);
        assertArrayEquals(expected.shape(), actual.shape());
        double error = expected.sub(actual).amaxNumber().doubleValue() / expected.amaxNumber().doubleValue();
        assertTrue(error < 1e-5, "max |error| / max |value| " + error);
    }

    @Test
    void refusesArraysItCannotRead() {
        OneDnnTransformer blocks = blocks(encoder(32, 8, 128, 2));
        INDArray transposed = Nd4j.rand(DataType.FLOAT, 128, 34).transpose();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> blocks.forward(transposed, 2, 1));
        assertTrue(e.getMessage().contains("row-major"), e.getMessage());
    }
}
