package dev.clipig.core.constraints;

import static dev.clipig.core.transforms.GradientCheck.context;
import static dev.clipig.core.transforms.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.core.transforms.GradientCheck;
import dev.clipig.core.transforms.Pass;
import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.VectorParam;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ConstraintsTest {

    private static final Size SIZE = new Size(5, 4);
    private final INDArray images = uniform(5, 0, 1, 2, 3, 4, 5);

    private static double value(Constraint c, INDArray images) {
        return c.loss(images, context(3, SIZE)).value();
    }

    /** Channel c of image b holds {@code values[b][c]} everywhere but one pixel, which holds 0. */
    private static INDArray planes(double[][] values) {
        INDArray x = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, values.length, 3, 4, 5);
        for (int b = 0; b < values.length; b++) {
            for (int c = 0; c < 3; c++) {
                x.get(plane(b, c)).assign(values[b][c]);
            }
        }
        return x;
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex[] plane(int b, int c) {
        return new org.nd4j.linalg.indexing.INDArrayIndex[]{org.nd4j.linalg.indexing.NDArrayIndex.point(b),
                org.nd4j.linalg.indexing.NDArrayIndex.point(c), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.all()};
    }

    @Test
    void meanPullsToItsThresholdFromBothSides() {
        // CLIPig's newest above/below base class takes the loss of (threshold - value) against 0,
        // with no clipping, so a value on the right side of the threshold is pulled to it too.
        INDArray x = planes(new double[][]{{0.2, 0.5, 0.8}, {0.6, 0.6, 0.6}});
        Constraint above = ThresholdConstraint.mean(VectorParam.of(0.5), null, LossFunction.L2);
        Constraint below = ThresholdConstraint.mean(null, VectorParam.of(0.5), LossFunction.L1);
        // image 0: (0.3, 0, -0.3) -> mean square 0.06; image 1: (-0.1, -0.1, -0.1) -> 0.01
        assertEquals(100 * (0.06 + 0.01), value(above, x), 1e-9);
        // image 0: (-0.3, 0, 0.3) -> mean absolute 0.2; image 1: (0.1, 0.1, 0.1) -> 0.1
        assertEquals(100 * (0.2 + 0.1), value(below, x), 1e-9);
    }

    @Test
    void stdAndSaturationMeasureByHand() {
        INDArray x = planes(new double[][]{{0.2, 0.5, 0.8}});
        x.putScalar(new int[]{0, 0, 0, 0}, 1.2);
        double n = 20, mean = (19 * 0.2 + 1.2) / n;
        double std = Math.sqrt((19 * (0.2 - mean) * (0.2 - mean) + (1.2 - mean) * (1.2 - mean)) / (n - 1));
        Constraint stdBelow = ThresholdConstraint.std(null, VectorParam.of(0), LossFunction.L1);
        assertEquals(100 * std / 3, value(stdBelow, x), 1e-9);
        // saturation: per channel the mean |gray - x|; at the odd pixel the mean is 2.5/3
        double odd = 2.5 / 3;
        double red = (19 * 0.3 + Math.abs(odd - 1.2)) / n, green = (19 * 0 + Math.abs(odd - 0.5)) / n;
        double blue = (19 * 0.3 + Math.abs(odd - 0.8)) / n;
        Constraint saturation = ThresholdConstraint.saturation(null, VectorParam.of(0), LossFunction.L1);
        assertEquals(100 * (red + green + blue) / 3, value(saturation, x), 1e-9);
    }

    @Test
    void contrastIsTheSpreadOfTheHalves() {
        INDArray x = planes(new double[][]{{0.5, 0.5, 0.5}});
        x.get(plane(0, 0)).putScalar(0, 1.0);
        // red: mean 0.525, high mean 1, low mean 0.5 -> 0.5; green, blue flat -> 0
        Constraint contrast = ThresholdConstraint.contrast(VectorParam.of(1), null, LossFunction.L1);
        assertEquals((0.5 + 1 + 1) / 3, value(contrast, x), 1e-9);
    }

    @Test
    void borderPullsTheBorderTowardsTheColor() {
        INDArray x = planes(new double[][]{{0.5, 0.5, 0.5}});
        Constraint border = new BorderConstraint(1, 1, VectorParam.of(0.1, 0.5, 0.5), LossFunction.L2);
        // 14 of 20 red pixels lie on the border, each 0.4 away; mean over 60 values
        assertEquals(100 * 14 * 0.16 / 60, value(border, x), 1e-9);
    }

    @Test
    void blurAndEdgeMeanVanishOnFlatImages() {
        INDArray flat = planes(new double[][]{{0.3, 0.6, 0.9}});
        assertEquals(0, value(new BlurConstraint(VectorParam.of(3), null, LossFunction.L2), flat), 1e-12);
        Constraint edges = ThresholdConstraint.edgeMean(VectorParam.of(3), null, null, VectorParam.of(0), LossFunction.L1);
        assertEquals(0, value(edges, flat), 1e-12);
        assertTrue(value(edges, images) > 0);
    }

    @Test
    void normalizeIsZeroForANormalizedImage() {
        INDArray x = planes(new double[][]{{0.5, 0.5, 0.5}});
        for (int c = 0; c < 3; c++) {
            x.get(plane(0, c)).putScalar(0, 0);
            x.get(plane(0, c)).putScalar(1, 1);
        }
        Constraint normalize = new NormalizeConstraint(VectorParam.of(0), VectorParam.of(1), LossFunction.L2);
        assertEquals(0, value(normalize, x), 1e-12);
        Constraint narrow = new NormalizeConstraint(VectorParam.of(0.25), VectorParam.of(0.75), LossFunction.L1);
        // 0 -> 0.25, 1 -> 0.75, 0.5 -> 0.5: two pixels of 20 are 0.25 off per channel
        assertEquals(10 * 2 * 0.25 / 20, value(narrow, x), 1e-9);
    }

    @Test
    void totalVariationCountsNeighbourDifferencesAcrossAndDown() {
        // One channel of one 4x5 image steps from 0 to 1 between columns 1 and 2: 4 of the 3*4*4
        // horizontal differences are 1, no vertical one is.
        INDArray x = planes(new double[][]{{0, 0, 0}});
        x.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.point(1),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 5)).assign(1);
        assertEquals(4.0 / (3 * 4 * 4), value(new TotalVariationConstraint(LossFunction.L1), x), 1e-12);
        assertEquals(0.0, value(new TotalVariationConstraint(LossFunction.L2), planes(new double[][]{{0.3, 0.6, 0.9}})),
                1e-12, "a flat image has no variation");
    }

    @Test
    void isotropicTotalVariationIsTheSameRampInEveryDirection() {
        // The same ramp, 0.1 a pixel, once along a row and once along the diagonal. Anisotropic l1
        // measures the diagonal one by both its differences, sqrt(2) times its slope; the isotropic
        // norm measures both by their slope. (A sharp 45-degree edge is a staircase whose steps fall
        // on different pixels, which forward differences cannot tell from the anisotropic case: the
        // prior is isotropic for the smooth images the parameterizations make.)
        INDArray across = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, 1, 6, 6);
        INDArray diagonal = across.dup();
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                across.putScalar(new int[] {0, 0, y, x}, 0.1 * x);
                diagonal.putScalar(new int[] {0, 0, y, x}, 0.1 * (x + y) / Math.sqrt(2));
            }
        }
        TotalVariationConstraint isotropic = new TotalVariationConstraint(LossFunction.L1,
                TotalVariationConstraint.Norm.ISOTROPIC);
        TotalVariationConstraint anisotropic = new TotalVariationConstraint(LossFunction.L1);
        assertEquals(0.1, value(isotropic, across), 1e-12);
        assertEquals(0.1, value(isotropic, diagonal), 1e-12);
        assertEquals(0.1, value(anisotropic, across), 1e-12);
        assertEquals(0.1 * Math.sqrt(2), value(anisotropic, diagonal), 1e-12);
    }

    @Test
    void noiseReportsTheNoiseOnly() {
        Loss loss = new NoiseConstraint(VectorParam.of(0.1), LossFunction.L2).loss(images, context(3, SIZE));
        assertEquals(2 * 100 * 0.01, loss.value(), 0.6);
        assertEquals(0, loss.gradient().amaxNumber().doubleValue());
    }

    @Test
    void lossFunctionNamesFollowTheReference() {
        assertEquals(LossFunction.L1, LossFunction.of("mae"));
        assertEquals(LossFunction.L2, LossFunction.of("MSE"));
        assertThrows(IllegalArgumentException.class, () -> LossFunction.of("l3"));
        assertThrows(IllegalArgumentException.class, () -> ThresholdConstraint.mean(null, null, LossFunction.L1));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        VectorParam mid = VectorParam.of(0.45, 0.5, 0.55);
        List<Constraint> constraints = List.of(
                ThresholdConstraint.mean(VectorParam.of(0.6), VectorParam.of(0.4), LossFunction.L2),
                ThresholdConstraint.std(VectorParam.of(0.5), null, LossFunction.L1),
                ThresholdConstraint.saturation(null, VectorParam.of(0.05), LossFunction.L2),
                ThresholdConstraint.contrast(VectorParam.of(0.9), null, LossFunction.L2),
                ThresholdConstraint.edgeMean(VectorParam.of(3), VectorParam.of(1.1), null, VectorParam.of(0), LossFunction.L2),
                new BlurConstraint(VectorParam.of(3, 5), null, LossFunction.L2),
                new BlurConstraint(VectorParam.of(3), null, LossFunction.L1),
                new BorderConstraint(1, 2, mid, LossFunction.L2),
                new NormalizeConstraint(VectorParam.of(0.1), VectorParam.of(0.9), LossFunction.L2),
                new NoiseConstraint(VectorParam.of(0.1), LossFunction.L2),
                new TotalVariationConstraint(LossFunction.L2),
                new TotalVariationConstraint(LossFunction.L1),
                new TotalVariationConstraint(LossFunction.L1, TotalVariationConstraint.Norm.ISOTROPIC),
                new TotalVariationConstraint(LossFunction.L2, TotalVariationConstraint.Norm.ISOTROPIC));
        for (Constraint c : constraints) {
            GradientCheck.assertGradient(x -> {
                Loss loss = c.loss(x, context(3, SIZE));
                return new Pass(Nd4j.scalar(loss.value()).reshape(1), g -> loss.gradient().mul(g.getDouble(0)));
            }, images);
        }
    }
}
