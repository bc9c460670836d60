package dev.clipig.clip.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.clip.runtime.Forward;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The activation s(u) = u·(1 + tanh u) (QuickGELU with its constants folded away) and its slope
 * where the naive formula breaks: in float32, tanh u saturates for |u| ≳ 9, so u·(1 − tanh² u)
 * would be ∞ · 0 at large |u| if computed that way.
 */
class MlpTest {

    private static final double[] H = {-1000, -100, -30, -5, -0.5, 0, 0.5, 5, 30, 100, 1000};

    /** c_fc and c_proj as identities, so that the block is the bare activation. */
    private static Mlp bareSwish(DataType type) {
        INDArray eye = Nd4j.eye(H.length).castTo(type);
        return new Mlp(new Linear(eye, Nd4j.zeros(type, H.length)), new Linear(eye.dup(), null));
    }

    @Test
    void slopeIsFiniteAndExactAtLargeMagnitudesInFloat32() {
        Mlp mlp = bareSwish(DataType.FLOAT);
        INDArray h = Nd4j.createFromArray(H).castTo(DataType.FLOAT).reshape(1, H.length);
        Forward<Mlp.Saved> forward = mlp.forward(h);
        INDArray s = forward.output();
        INDArray slope = mlp.backward(Nd4j.ones(DataType.FLOAT, 1, H.length), forward.saved());
        for (int i = 0; i < H.length; i++) {
            // QuickGELU's own form: s(u) = 2u·σ(2u), whose slope is 2σ(2u)·(1 + 2u·(1 − σ(2u))).
            double sigma = 1 / (1 + Math.exp(-2 * H[i]));
            double expected = 2 * sigma * (1 + 2 * H[i] * (1 - sigma));
            assertTrue(Float.isFinite(slope.getFloat(0, i)), "slope at u = " + H[i]);
            assertEquals(expected, slope.getDouble(0, i), 1e-6 * Math.max(1, Math.abs(expected)), "slope at u = " + H[i]);
            assertEquals(2 * H[i] * sigma, s.getDouble(0, i), 1e-6 * Math.max(1, Math.abs(H[i])), "activation at u = " + H[i]);
        }
    }

    @Test
    void slopeMatchesFiniteDifferencesInFloat64() {
        Mlp mlp = bareSwish(DataType.DOUBLE);
        INDArray h = Nd4j.createFromArray(H).reshape(1, H.length);
        INDArray slope = mlp.backward(Nd4j.ones(DataType.DOUBLE, 1, H.length), mlp.forward(h).saved());
        double step = 1e-6;
        INDArray up = mlp.forward(h.add(step)).output();
        INDArray down = mlp.forward(h.sub(step)).output();
        INDArray numeric = up.sub(down).divi(2 * step);
        for (int i = 0; i < H.length; i++) {
            assertEquals(numeric.getDouble(0, i), slope.getDouble(0, i), 1e-6, "slope at u = " + H[i]);
        }
    }
}
