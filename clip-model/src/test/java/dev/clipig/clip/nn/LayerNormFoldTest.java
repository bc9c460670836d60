package dev.clipig.clip.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.clip.runtime.Forward;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A layer norm's γ and β folded into the linear layer that reads it: the pair computes what the
 * unfolded pair computed, forward and backward, in float64 to rounding.
 */
class LayerNormFoldTest {

    private static final int N = 5, D = 7, OUT = 4;

    private static INDArray random(long seed, long... shape) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.DOUBLE, shape);
    }

    private static LayerNorm norm() {
        return new LayerNorm(random(1, D).addi(1), random(2, D));
    }

    private static void assertClose(INDArray expected, INDArray actual) {
        assertTrue(expected.equalsWithEps(actual, 1e-12), () -> "expected\n" + expected + "\ngot\n" + actual);
    }

    @Test
    void foldedPairMatchesNormThenLinear() {
        INDArray x = random(3, N, D).muli(3).addi(1), dy = random(4, N, OUT);
        for (boolean withBias : new boolean[] {true, false}) {
            LayerNorm norm = norm();
            Linear linear = new Linear(random(5, OUT, D), withBias ? random(6, OUT) : null);
            Forward<LayerNorm.Saved> plain = norm.forward(x);
            INDArray y = linear.forward(plain.output());
            INDArray dx = norm.backward(linear.backward(dy), plain.saved());

            Linear copy = new Linear(linear.weight().dup(), withBias ? linear.bias().dup() : null);
            Linear folded = ConstantFolding.afterNorm(copy, norm);
            LayerNorm bare = norm.withoutAffine();
            Forward<LayerNorm.Saved> normalized = bare.forward(x);
            assertClose(y, folded.forward(normalized.output()));
            assertClose(dx, bare.backward(folded.backward(dy), normalized.saved()));
        }
    }

    @Test
    void bareNormIsZeroMeanUnitVariancePerRow() {
        INDArray xHat = norm().withoutAffine().forward(random(7, N, D).muli(5).addi(2)).output();
        for (int i = 0; i < N; i++) {
            INDArray row = xHat.getRow(i);
            assertEquals(0, row.meanNumber().doubleValue(), 1e-12);
            assertEquals(1, row.mul(row).meanNumber().doubleValue(), 1e-5);
        }
    }

    @Test
    void gammaWithoutBetaIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LayerNorm(Nd4j.ones(D), null));
    }

    /** The product is added onto a copy of the bias, never onto the bias itself (one row included). */
    @Test
    void linearAddsItsBiasToEveryRowAndKeepsIt() {
        for (int rows : new int[] {N, 1}) {
            INDArray x = random(8, rows, D), w = random(9, OUT, D), b = random(10, OUT);
            Linear linear = new Linear(w, b);
            INDArray expected = x.mmul(w.transpose()).addiRowVector(b);
            assertClose(expected, linear.forward(x));
            assertClose(expected, linear.forward(x));
            assertClose(random(10, OUT), b);
        }
    }
}
