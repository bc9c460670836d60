package dev.clipig.core.transforms;

import static dev.clipig.core.transforms.GradientCheck.assertGradient;
import static dev.clipig.core.transforms.GradientCheck.context;
import static dev.clipig.core.transforms.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PixelTransformsTest {

    private static final Size SIZE = new Size(6, 5);
    private static final double[] LUMA = {0.2989, 0.587, 0.114};

    private final INDArray x = uniform(1, 0.2, 0.8, 2, 3, 5, 6);

    private static INDArray run(PixelTransform t, INDArray x, long seed) {
        Size size = new Size((int) x.size(3), (int) x.size(2));
        return t.stage(size).forward(x, context(seed, size)).output();
    }

    private static INDArray run(PixelTransform t, INDArray x) {
        return run(t, x, 7);
    }

    private static void assertClose(double expected, double actual) {
        assertEquals(expected, actual, 1e-9);
    }

    @Test
    void addMulAndMeanWorkPerChannel() {
        INDArray added = run(new Add(VectorParam.of(0.1, 0.2, 0.3)), x);
        INDArray scaled = run(new Mul(VectorParam.of(0.5)), x);
        INDArray centered = run(new Mean(VectorParam.of(0.5, 0.4, 0.3)), x);
        for (int c = 0; c < 3; c++) {
            assertClose(x.getDouble(1, c, 2, 3) + 0.1 * (c + 1), added.getDouble(1, c, 2, 3));
            assertClose(x.getDouble(0, c, 4, 5) * 0.5, scaled.getDouble(0, c, 4, 5));
            assertClose(0.5 - 0.1 * c, centered.get(all(1, c)).meanNumber().doubleValue());
            assertClose(x.getDouble(1, c, 0, 0) - x.getDouble(1, c, 3, 2),
                    centered.getDouble(1, c, 0, 0) - centered.getDouble(1, c, 3, 2));
        }
    }

    @Test
    void clampAndQuantizeMapEachValue() {
        INDArray values = Nd4j.createFromArray(-0.5, 0.25, 0.7, 1.5, 0.3, 0.95).reshape(1, 3, 1, 2);
        INDArray clamped = run(new Clamp(ScalarParam.of(0), ScalarParam.of(0.9)), values);
        assertArrayEquals(new double[]{0, 0.25, 0.7, 0.9, 0.3, 0.9}, clamped.data().asDouble(), 1e-12);
        INDArray quantized = run(new Quantize(VectorParam.of(0.5, 0.2, 0.25)), values);
        assertArrayEquals(new double[]{-0.5, 0, 0.6, 1.4, 0.25, 0.75}, quantized.data().asDouble(), 1e-12);
    }

    @Test
    void saturationBlendsWithTheGrayValue() {
        INDArray out = run(new Saturation(ScalarParam.of(0.5)), x);
        double gray = 0;
        for (int c = 0; c < 3; c++) gray += LUMA[c] * x.getDouble(1, c, 2, 1);
        for (int c = 0; c < 3; c++) {
            assertClose(clamp(0.5 * x.getDouble(1, c, 2, 1) + 0.5 * gray), out.getDouble(1, c, 2, 1));
        }
        INDArray gray0 = run(new Saturation(ScalarParam.of(0)), x);
        assertClose(gray0.getDouble(0, 0, 3, 3), gray0.getDouble(0, 2, 3, 3));
    }

    @Test
    void contrastBlendsWithTheMeanGray() {
        INDArray out = run(new Contrast(ScalarParam.of(1.5)), x);
        double mean = 0;
        for (int c = 0; c < 3; c++) mean += LUMA[c] * x.get(all(0, c)).meanNumber().doubleValue();
        assertClose(clamp(1.5 * x.getDouble(0, 2, 1, 4) - 0.5 * mean), out.getDouble(0, 2, 1, 4));
    }

    @Test
    void colorJitterGivesEachImageItsOwnBrightnessContrastAndSaturation() {
        INDArray first = firstImage(x);
        INDArray twice = Nd4j.concat(0, first, first);
        INDArray lit = run(new ColorJitter(ScalarParam.of(0.25), ScalarParam.of(0), ScalarParam.of(0)), twice);
        double[] factor = new double[2];
        for (int b = 0; b < 2; b++) {
            factor[b] = lit.getDouble(b, 0, 0, 0) / twice.getDouble(b, 0, 0, 0);
            assertTrue(factor[b] >= 0.75 && factor[b] <= 1.25, "brightness factor " + factor[b]);
            for (int c = 0; c < 3; c++) {
                assertClose(clamp(factor[b] * twice.getDouble(b, c, 3, 4)), lit.getDouble(b, c, 3, 4));
            }
        }
        assertTrue(Math.abs(factor[0] - factor[1]) > 1e-6, "each image draws its own factor");

        INDArray gray = run(new ColorJitter(ScalarParam.of(0), ScalarParam.of(0), ScalarParam.of(1)), twice, 5);
        INDArray grayRef = run(new Saturation(ScalarParam.of(saturationDrawn(gray, twice))), first);
        assertTrue(grayRef.equalsWithEps(firstImage(gray), 1e-9), "saturation as the saturation transform");
        INDArray same = run(new ColorJitter(ScalarParam.of(0), ScalarParam.of(0), ScalarParam.of(0)), x);
        assertTrue(same.equalsWithEps(x, 1e-12), "amounts of 0 leave the image alone");
    }

    private static INDArray firstImage(INDArray batch) {
        return batch.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
    }

    /** The saturation factor image 0 was given: from one pixel's distance to its gray. */
    private static double saturationDrawn(INDArray out, INDArray in) {
        double gray = 0;
        for (int c = 0; c < 3; c++) gray += LUMA[c] * in.getDouble(0, c, 1, 1);
        return (out.getDouble(0, 0, 1, 1) - gray) / (in.getDouble(0, 0, 1, 1) - gray);
    }

    @Test
    void borderPaintsTheEdgeRowsAndColumns() {
        INDArray out = run(new Border(1, 2, VectorParam.of(0.1, 0.2, 0.3)), x);
        for (int c = 0; c < 3; c++) {
            assertClose(0.1 * (c + 1), out.getDouble(0, c, 0, 3));
            assertClose(0.1 * (c + 1), out.getDouble(0, c, 4, 3));
            assertClose(0.1 * (c + 1), out.getDouble(0, c, 1, 2));
            assertClose(0.1 * (c + 1), out.getDouble(0, c, 2, 5));
            assertClose(x.getDouble(0, c, 2, 1), out.getDouble(0, c, 2, 1));
            assertClose(x.getDouble(0, c, 2, 4), out.getDouble(0, c, 2, 4));
        }
    }

    @Test
    void blurIsAReflectedGaussianConvolution() {
        double sigma = 0.9;
        INDArray out = run(new Blur(VectorParam.of(3), VectorParam.of(sigma)), x);
        double[] k = {Math.exp(-0.5 / (sigma * sigma)), 1, Math.exp(-0.5 / (sigma * sigma))};
        double sum = k[0] + k[1] + k[2];
        for (int i = 0; i < 3; i++) k[i] /= sum;
        for (int row : new int[]{0, 2, 4}) {
            for (int col : new int[]{0, 3, 5}) {
                double expected = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        expected += k[dy + 1] * k[dx + 1]
                                * x.getDouble(1, 2, mirror(row + dy, 5), mirror(col + dx, 6));
                    }
                }
                assertClose(expected, out.getDouble(1, 2, row, col));
            }
        }
    }

    @Test
    void blurDefaultsSigmaFromTheKernelSize() {
        INDArray defaulted = run(new Blur(VectorParam.of(5), null), x);
        INDArray explicit = run(new Blur(VectorParam.of(5), VectorParam.of(0.3 * (2 - 1) + 0.8)), x);
        assertTrue(defaulted.equalsWithEps(explicit, 1e-12));
    }

    @Test
    void edgeIsTheClampedDifferenceToTheBlur() {
        INDArray blurred = run(new Blur(VectorParam.of(3), null), x);
        INDArray out = run(new Edge(VectorParam.of(3), null, VectorParam.of(2, 3, 4)), x);
        for (int c = 0; c < 3; c++) {
            double diff = x.getDouble(0, c, 2, 2) - blurred.getDouble(0, c, 2, 2);
            assertClose(clamp(diff * (c + 2)), out.getDouble(0, c, 2, 2));
        }
    }

    @Test
    void noiseHasTheRequestedSpreadPerChannel() {
        INDArray flat = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 2, 3, 64, 64);
        INDArray noise = run(new Noise(VectorParam.of(0.1, 0.2, 0.3)), flat);
        for (int c = 0; c < 3; c++) {
            assertEquals(0.1 * (c + 1), noise.get(all(0, c)).stdNumber().doubleValue(), 0.01 * (c + 1));
            assertEquals(0, noise.get(all(1, c)).meanNumber().doubleValue(), 0.02);
        }
        assertTrue(noise.get(all(0, 0)).sub(noise.get(all(1, 0))).amaxNumber().doubleValue() > 0, "per image");
        assertTrue(noise.equalsWithEps(run(new Noise(VectorParam.of(0.1, 0.2, 0.3)), flat), 0), "seeded");
    }

    @Test
    void bwNoiseIsTheSameOnAllChannels() {
        INDArray flat = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, 3, 64, 64);
        INDArray noise = run(new BwNoise(ScalarParam.of(0.2)), flat);
        assertTrue(noise.get(all(0, 0)).equalsWithEps(noise.get(all(0, 2)), 0));
        assertEquals(0.2, noise.stdNumber().doubleValue(), 0.01);
    }

    @Test
    void scaledNoiseOfOnePixelIsConstantPerImageAndChannel() {
        INDArray flat = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, 3, 8, 8);
        INDArray noise = run(new ScaledNoise(VectorParam.of(0.5), new Size(1, 1)), flat);
        for (int c = 0; c < 3; c++) {
            INDArray plane = noise.get(all(0, c));
            assertClose(plane.getDouble(0, 0), plane.getDouble(7, 5));
        }
        assertTrue(noise.getDouble(0, 0, 0, 0) != noise.getDouble(0, 1, 0, 0));
    }

    @Test
    void fourierNoiseHasTheSpreadOfTheInverseTransformedNoise() {
        INDArray flat = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, 3, 64, 64);
        INDArray noise = run(new FourierNoise(VectorParam.of(1)), flat);
        double n = 64 * 64;
        assertEquals(15 * Math.sqrt(2 * (n - 1)) / n, noise.stdNumber().doubleValue(), 0.005);
    }

    @Test
    void fourierNoiseHasTheCovarianceOfNoiseAddedInFourierSpace() {
        // CLIPig adds N(0, (15 std)^2) to the real and imaginary parts of rfft(channel) and takes
        // irfft: the DC bin alone sets the pixel sum, so its variance is s^2 = 1 here, where white
        // noise of the same pixel variance 2 (n - 1) / n^2 would give 2 (n - 1) / n = 1.875.
        int samples = 4000;
        INDArray noise = run(new FourierNoise(VectorParam.of(1 / 15.0)),
                Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, samples, 3, 4, 4)).reshape(samples * 3, 16);
        double n = 16;
        assertEquals(2 * (n - 1) / (n * n), noise.var(0).meanNumber().doubleValue(), 0.005, "pixel variance");
        assertEquals(1.0, noise.sum(1).varNumber().doubleValue(), 0.06, "variance of the sum (DC)");
        INDArray signs = Nd4j.createFromArray(new double[] {1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1});
        assertEquals(1.0, noise.mulRowVector(signs).sum(1).varNumber().doubleValue(), 0.06, "Nyquist");
        INDArray centred = noise.subRowVector(noise.mean(0));
        double even = centred.getColumn(0).mul(centred.getColumn(2)).meanNumber().doubleValue();
        assertEquals(-2 / (n * n), even, 0.002, "covariance at distance 2");
    }

    @Test
    void randomHFlipMirrorsTheImagesItDraws() {
        INDArray always = run(new RandomHFlip(ScalarParam.of(1)), x);
        INDArray never = run(new RandomHFlip(ScalarParam.of(0)), x);
        for (int b = 0; b < 2; b++) {
            for (int c = 0; c < 3; c++) {
                for (int col = 0; col < 6; col++) {
                    assertClose(x.getDouble(b, c, 3, col), always.getDouble(b, c, 3, 5 - col));
                }
            }
        }
        assertTrue(never.equalsWithEps(x, 0));
        INDArray copies = uniform(2, 0, 1, 1, 3, 5, 6).repeat(0, 40);
        INDArray half = run(new RandomHFlip(ScalarParam.of(0.5)), copies);
        long flipped = java.util.stream.IntStream.range(0, 40)
                .filter(b -> half.getDouble(b, 0, 0, 0) == copies.getDouble(0, 0, 0, 5)).count();
        assertTrue(flipped > 10 && flipped < 30, flipped + " of 40 images flipped at probability 0.5");
        assertGradient(new RandomHFlip(ScalarParam.of(0.5)).stage(SIZE), uniform(3, 0, 1, 8, 3, 5, 6), SIZE);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        PixelTransform[] transforms = {
                new Add(VectorParam.of(0.1, -0.2, 0.3)),
                new Mul(VectorParam.of(0.5, 2, -1)),
                new Mean(VectorParam.of(0.5)),
                new Clamp(ScalarParam.of(0.3), ScalarParam.of(0.7)),
                new Quantize(VectorParam.of(0.13)),
                new Saturation(ScalarParam.of(1.5)),
                new Contrast(ScalarParam.of(0.7)),
                new ColorJitter(ScalarParam.of(0.3), ScalarParam.of(0.4), ScalarParam.of(0.5)),
                new Border(1, 1, VectorParam.of(0.5)),
                new Noise(VectorParam.of(0.1)),
                new BwNoise(ScalarParam.of(0.1)),
                new ScaledNoise(VectorParam.of(0.1), new Size(2, 2)),
                new FourierNoise(VectorParam.of(0.1)),
                new Blur(VectorParam.of(3, 5), VectorParam.of(0.8, 1.3)),
                new Edge(VectorParam.of(3), null, VectorParam.of(3)),
                new RandomHFlip(ScalarParam.of(0.5)),
        };
        for (PixelTransform t : transforms) assertGradient(t.stage(SIZE), x, SIZE);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static int mirror(int i, int n) {
        return i < 0 ? -i : i >= n ? 2 * (n - 1) - i : i;
    }

    static org.nd4j.linalg.indexing.INDArrayIndex[] all(int b, int c) {
        return new org.nd4j.linalg.indexing.INDArrayIndex[]{
                org.nd4j.linalg.indexing.NDArrayIndex.point(b), org.nd4j.linalg.indexing.NDArrayIndex.point(c),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all()};
    }
}
