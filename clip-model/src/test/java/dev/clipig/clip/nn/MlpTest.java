package dev.clipig.clip.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.clip.runtime.Forward;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The activation's slope where its naive formula breaks: in float32, σ(h) saturates for |h| ≳ 17
 * and exp(−h) overflows for h ≲ −89, so h · σ'(h) would be ∞ · 0 if computed that way.
 */
class MlpTest {

    private static final double[] H = {-1000, -100, -30, -5, -0.5, 0, 0.5, 5, 30, 100, 1000};

    /** c_fc and c_proj as identities, so that the block is the bare swish s(h) = h · σ(h). */
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
            double sigma = 1 / (1 + Math.exp(-H[i]));
            double expected = sigma * (1 + H[i] * (1 - sigma));
            assertTrue(Float.isFinite(slope.getFloat(0, i)), "slope at h = " + H[i]);
            assertEquals(expected, slope.getDouble(0, i), 1e-6 * Math.max(1, Math.abs(expected)), "slope at h = " + H[i]);
            assertEquals(H[i] * sigma, s.getDouble(0, i), 1e-6 * Math.max(1, Math.abs(H[i])), "swish at h = " + H[i]);
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
            assertEquals(numeric.getDouble(0, i), slope.getDouble(0, i), 1e-6, "slope at h = " + H[i]);
        }
    }
}
