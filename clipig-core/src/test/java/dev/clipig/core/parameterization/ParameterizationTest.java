package dev.clipig.core.parameterization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.core.config.InitSpec;
import dev.clipig.core.config.ParameterizationKind;
import dev.clipig.core.config.ParameterizationSpec;
import dev.clipig.core.transforms.GradientCheck;
import dev.clipig.core.transforms.Interpolation;
import dev.clipig.core.transforms.Pass;
import dev.clipig.core.transforms.Resampling;
import dev.clipig.core.transforms.Size;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ParameterizationTest {

    private static final ParameterizationSpec FFT = ParameterizationSpec.of(ParameterizationKind.FFT);
    private static final ParameterizationSpec PYRAMID = new ParameterizationSpec(ParameterizationKind.PYRAMID, 1, 3,
            true, true);
    private static final ParameterizationSpec PLAIN_FFT = new ParameterizationSpec(ParameterizationKind.FFT, 1.5, 5,
            false, false);
    private static final ParameterizationSpec PLAIN_PYRAMID = new ParameterizationSpec(ParameterizationKind.PYRAMID, 1,
            2, false, false);

    private static Parameterization of(ParameterizationSpec spec) {
        return Parameterization.of(spec, Interpolation.CUBIC);
    }

    private static void assertBackwardMatchesFiniteDifferences(ParameterizationSpec spec, Size size) {
        Parameterization p = of(spec);
        INDArray params = GradientCheck.uniform(5, -1, 1, p.shape(size));
        GradientCheck.assertGradient(x -> {
            INDArray pixels = p.pixels(x, size);
            return new Pass(pixels, g -> p.backward(pixels, g, size));
        }, params);
    }

    @Test
    void fftBackwardMatchesFiniteDifferencesAtEvenAndOddSizes() {
        assertBackwardMatchesFiniteDifferences(FFT, new Size(6, 5));
        assertBackwardMatchesFiniteDifferences(FFT, new Size(7, 8));
        assertBackwardMatchesFiniteDifferences(PLAIN_FFT, new Size(5, 4));
    }

    @Test
    void pyramidBackwardMatchesFiniteDifferences() {
        assertBackwardMatchesFiniteDifferences(PYRAMID, new Size(9, 7));
        assertBackwardMatchesFiniteDifferences(PLAIN_PYRAMID, new Size(4, 6));
    }

    @Test
    void theFourierBasisIsInvertedByItsAnalysis() {
        for (int n : new int[] {1, 2, 7, 8}) {
            INDArray product = FourierBasis.analysis(n).mmul(FourierBasis.synthesis(n));
            assertEquals(0, product.sub(Nd4j.eye(n)).amaxNumber().doubleValue(), 1e-12, "n = " + n);
        }
    }

    @Test
    void projectedPixelsComeBackFromEveryParameterization() {
        Size size = new Size(8, 6);
        INDArray pixels = GradientCheck.uniform(3, 0.05, 0.95, 3, 6, 8);
        for (ParameterizationSpec spec : List.of(ParameterizationSpec.PIXELS, FFT, PYRAMID, PLAIN_FFT, PLAIN_PYRAMID)) {
            Parameterization p = of(spec);
            INDArray params = p.project(pixels);
            assertArrayEquals(p.shape(size), params.shape(), spec.label());
            assertEquals(0, p.pixels(params, size).sub(pixels).amaxNumber().doubleValue(), 1e-9, spec.label());
        }
    }

    /** A coarse image has its energy in the coarse planes: the projection fits levels coarsest first. */
    @Test
    void aPyramidPutsASmoothImageIntoItsCoarsePlanes() {
        Parameterization p = of(PLAIN_PYRAMID);
        Size size = new Size(8, 8);
        INDArray coarse = GradientCheck.uniform(4, 0, 1, 1, 3, 4, 4);
        INDArray pixels = Resampling.resize(coarse, size, Interpolation.CUBIC).reshape(3, 8, 8);
        INDArray params = p.project(pixels);
        INDArray fine = params.get(NDArrayIndex.all(),
                NDArrayIndex.interval(16, 16 + 64));
        assertEquals(0, fine.amaxNumber().doubleValue(), 1e-9, "the finest plane has nothing left to explain");
    }

    @Test
    void anFftResizeIsABandLimitedResampling() {
        Parameterization p = of(PLAIN_FFT);
        Size small = new Size(6, 4), large = new Size(12, 8);
        INDArray params = GradientCheck.uniform(6, -1, 1, p.shape(small));
        INDArray there = p.resize(params, small, large);
        assertEquals(0, p.resize(there, large, small).sub(params).amaxNumber().doubleValue(), 0,
                "upsampling and downsampling again loses nothing");
        // Every other pixel of the larger image is a pixel of the smaller one: the same waves, sampled twice as densely.
        INDArray everyOther = p.pixels(there, large).get(NDArrayIndex.all(),
                NDArrayIndex.interval(0, 2, 8),
                NDArrayIndex.interval(0, 2, 12));
        assertEquals(0, everyOther.sub(p.pixels(params, small)).amaxNumber().doubleValue(), 1e-9);
    }

    @Test
    void pyramidResizeKeepsEveryPlaneAndTheImageRoughly() {
        Parameterization p = of(PLAIN_PYRAMID);
        Size small = new Size(8, 8), large = new Size(16, 16);
        INDArray params = p.project(GradientCheck.uniform(8, 0.2, 0.8, 1, 3, 2, 2).repeat(3, 4).repeat(2, 4)
                .reshape(3, 8, 8));
        INDArray there = p.resize(params, small, large);
        assertArrayEquals(p.shape(large), there.shape());
        double small0 = p.pixels(params, small).meanNumber().doubleValue();
        assertEquals(small0, p.pixels(there, large).meanNumber().doubleValue(), 0.02);
    }

    @Test
    void noiseStartsAtTheMeanColourWithTheChannelsSpread() {
        InitSpec init = new InitSpec(Optional.empty(), List.of(0.2, 0.5, 0.8), List.of(0.0, 0.0, 0.3),
                Optional.empty(), Optional.empty());
        Size size = new Size(16, 16);
        for (ParameterizationSpec spec : List.of(FFT, PYRAMID)) {
            Parameterization p = of(spec);
            INDArray params = p.noise(init, size, new SplittableRandom(1));
            INDArray zeroStd = p.noise(new InitSpec(init.resolution(), init.mean(), List.of(0.0, 0.0, 0.0),
                    init.image(), init.imageTensor()), size, new SplittableRandom(1));
            INDArray flat = p.pixels(zeroStd, size);
            assertEquals(0.2, flat.getDouble(0, 3, 5), 1e-4, spec.label());
            assertEquals(0.8, flat.getDouble(2, 7, 1), 1e-4, spec.label());
            INDArray channels = params.sub(zeroStd).reshape(3, params.length() / 3);
            assertEquals(0, channels.getRow(0).amaxNumber().doubleValue(), 1e-6, "a channel of std 0 is not spread");
            assertEquals(0.3, channels.getRow(2).stdNumber().doubleValue(), 0.05, spec.label());
        }
    }
}
