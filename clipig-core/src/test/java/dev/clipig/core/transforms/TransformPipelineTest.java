package dev.clipig.core.transforms;

import static dev.clipig.core.transforms.GradientCheck.assertGradient;
import static dev.clipig.core.transforms.GradientCheck.context;
import static dev.clipig.core.transforms.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class TransformPipelineTest {

    private static final Size PIXELS = new Size(8, 8);
    private static final Size MODEL = new Size(6, 6);

    /** The transforms of the first example config, scaled down. */
    private static final List<Transform> METHOD_1 = List.of(
            new Pad(2, 2, Boundary.Mode.EDGE),
            new RandomRotate(ScalarParam.of(-30), ScalarParam.of(30), ScalarParam.of(0), ScalarParam.of(1)),
            new Mul(VectorParam.of(0.5)),
            new Mean(VectorParam.of(0.5)),
            new Noise(VectorParam.of(0.1)));

    private final INDArray pixels = uniform(11, 0.1, 0.9, 1, 3, 8, 8);

    @Test
    void makesABatchAtTheModelResolution() {
        TransformPipeline pipeline = TransformPipeline.compile(METHOD_1, PIXELS, MODEL, 3);
        Pass pass = pipeline.forward(pixels, context(1, PIXELS));
        assertArrayEquals(new long[]{3, 3, 6, 6}, pass.output().shape());
        assertTrue(pipeline.isRandom());
        assertArrayEquals(new long[]{1, 3, 8, 8}, pass.backward(pass.output()).shape());
        assertTrue(pass.output().minNumber().doubleValue() >= 0 && pass.output().maxNumber().doubleValue() <= 1);
    }

    @Test
    void aSeedReproducesTheBatch() {
        TransformPipeline pipeline = TransformPipeline.compile(METHOD_1, PIXELS, MODEL, 2);
        INDArray a = pipeline.forward(pixels, context(1, PIXELS)).output();
        INDArray b = pipeline.forward(pixels, context(1, PIXELS)).output();
        INDArray c = pipeline.forward(pixels, context(2, PIXELS)).output();
        assertTrue(a.equalsWithEps(b, 0));
        assertFalse(a.equalsWithEps(c, 1e-3));
    }

    @Test
    void gradientReachesThePixels() {
        TransformPipeline pipeline = TransformPipeline.compile(METHOD_1, PIXELS, MODEL, 3);
        assertGradient(x -> pipeline.forward(x, context(4, PIXELS)), pixels);
    }

    @Test
    void pixelTransformsFirstWorkOnCopiesOfTheImage() {
        TransformPipeline pipeline = TransformPipeline.compile(
                List.of(new Mul(VectorParam.of(0.5)), new Noise(VectorParam.of(0.05))), PIXELS, PIXELS, 2);
        INDArray out = pipeline.forward(pixels, context(1, PIXELS)).output();
        assertEquals(2, out.size(0));
        assertFalse(out.get(PixelTransformsTest.all(0, 0)).equalsWithEps(out.get(PixelTransformsTest.all(1, 0)), 1e-6));
        assertGradient(x -> pipeline.forward(x, context(4, PIXELS)), pixels);
    }

    @Test
    void withoutTransformsEachImageIsTheClampedPixels() {
        INDArray wild = uniform(3, -0.5, 1.5, 1, 3, 8, 8);
        TransformPipeline pipeline = TransformPipeline.compile(List.of(), PIXELS, PIXELS, 2);
        Pass pass = pipeline.forward(wild, context(1, PIXELS));
        assertFalse(pipeline.isRandom());
        INDArray clamped = Clamp.clamp(wild, 0, 1);
        assertTrue(pass.output().get(PixelTransformsTest.all(1, 2)).equalsWithEps(clamped.get(PixelTransformsTest.all(0, 2)), 1e-12));
        assertGradient(x -> pipeline.forward(x, context(4, PIXELS)), wild);
    }

    @Test
    void theFinalResizeToTheModelIsBicubic() {
        // CLIPig resizes each transformed view of another size to CLIP's input with VF.resize and
        // PIL's BICUBIC, then clamps the batch.
        List<Transform> shift = List.of(new Shift(ScalarParam.of(1), ScalarParam.of(0)));
        TransformPipeline pipeline = TransformPipeline.compile(shift, PIXELS, MODEL, 1);
        Pass pass = pipeline.forward(pixels, context(1, PIXELS));
        INDArray shifted = TransformPipeline.compile(shift, PIXELS, PIXELS, 1).forward(pixels, context(1, PIXELS)).output();
        INDArray expected = Clamp.clamp(Resampling.resize(shifted, MODEL, Interpolation.CUBIC), 0, 1);
        assertTrue(pass.output().equalsWithEps(expected, 1e-12));
        assertGradient(x -> pipeline.forward(x, context(4, PIXELS)), pixels);
    }

    @Test
    void rejectsPixelsOfAnotherResolution() {
        TransformPipeline pipeline = TransformPipeline.compile(METHOD_1, PIXELS, MODEL, 1);
        assertThrows(IllegalArgumentException.class,
                () -> pipeline.forward(uniform(1, 0, 1, 1, 3, 7, 8), context(1, PIXELS)));
    }
}
