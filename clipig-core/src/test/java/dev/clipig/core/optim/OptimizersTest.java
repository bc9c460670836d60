package dev.clipig.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clipig.core.config.OptimizerKind;
import dev.clipig.core.transforms.Interpolation;
import dev.clipig.core.transforms.Resampling;
import dev.clipig.core.transforms.Size;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class OptimizersTest {

    private static final double[] P = {0.5, -0.25, 1.0};
    private static final double[] G1 = {0.2, -0.4, 0.0}, G2 = {-0.1, 0.3, 0.5};

    private static INDArray array(double... values) {
        return Nd4j.createFromArray(values);
    }

    /** The parameters after a step with G1 and one with G2, at a config {@code learnrate}. */
    private static double[] twoSteps(Optimizer optimizer, double learnrate) {
        INDArray p = array(P);
        double lr = optimizer.baseLearnrate() * learnrate;
        optimizer.step(p, array(G1), lr);
        optimizer.step(p, array(G2), lr);
        return p.toDoubleVector();
    }

    private static Optimizer create(String name) {
        return Optimizer.of(OptimizerKind.valueOf(name));
    }

    @Test
    void baseLearnratesFollowTheReference() {
        Map<String, Double> expected = Map.of("ADAM", 0.01, "SGD", 10.0, "SPARSE_ADAM", 0.01,
                "ADADELTA", 20.0, "RMSPROP", 0.003);
        expected.forEach((name, base) -> assertEquals(base, create(name).baseLearnrate(), 0, name));
    }

    @Test
    void sgdStepsAgainstTheGradient() {
        double[] p = twoSteps(create("SGD"), 0.5);
        for (int i = 0; i < 3; i++) assertEquals(P[i] - 5 * (G1[i] + G2[i]), p[i], 1e-12);
    }

    @Test
    void adamMatchesTorchsFormula() {
        double lr = 0.01 * 2, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        double[] p = twoSteps(create("ADAM"), 2);
        for (int i = 0; i < 3; i++) {
            double m = 0, v = 0, x = P[i];
            double[] gs = {G1[i], G2[i]};
            for (int t = 1; t <= 2; t++) {
                double g = gs[t - 1];
                m = b1 * m + (1 - b1) * g;
                v = b2 * v + (1 - b2) * g * g;
                x -= lr / (1 - Math.pow(b1, t)) * m / (Math.sqrt(v) / Math.sqrt(1 - Math.pow(b2, t)) + eps);
            }
            assertEquals(x, p[i], 1e-12);
        }
    }

    @Test
    void rmspropIsCenteredWithMomentum() {
        double lr = 0.003, a = 0.99, eps = 1e-8;
        double[] p = twoSteps(create("RMSPROP"), 1);
        double[] plain = twoSteps(create("SPARSE_ADAM"), 1);
        for (int i = 0; i < 3; i++) {
            double sq = 0, mean = 0, buf = 0, x = P[i], sqPlain = 0, y = P[i];
            for (double g : new double[]{G1[i], G2[i]}) {
                sq = a * sq + (1 - a) * g * g;
                mean = a * mean + (1 - a) * g;
                buf = 0.1 * buf + g / (Math.sqrt(sq - mean * mean) + eps);
                x -= lr * buf;
                sqPlain = a * sqPlain + (1 - a) * g * g;
                y -= 0.01 * g / (Math.sqrt(sqPlain) + eps);
            }
            assertEquals(x, p[i], 1e-9);
            assertEquals(y, plain[i], 1e-9);
        }
    }

    @Test
    void adadeltaMatchesTorchsFormula() {
        double rho = 0.9, eps = 1e-6;
        double[] p = twoSteps(create("ADADELTA"), 0.5);
        for (int i = 0; i < 3; i++) {
            double sq = 0, acc = 0, x = P[i];
            for (double g : new double[]{G1[i], G2[i]}) {
                sq = rho * sq + (1 - rho) * g * g;
                double delta = Math.sqrt(acc + eps) / Math.sqrt(sq + eps) * g;
                acc = rho * acc + (1 - rho) * delta * delta;
                x -= 10 * delta;
            }
            assertEquals(x, p[i], 1e-12);
        }
    }

    @Test
    void aRestoredStateContinuesTheSameWay() {
        Optimizer original = create("ADAM");
        INDArray p = array(P);
        original.step(p, array(G1), 0.01);
        Map<String, INDArray> saved = new HashMap<>();
        original.stateArrays().forEach((name, array) -> saved.put(name, array.dup()));
        Optimizer resumed = create("ADAM");
        resumed.restore(saved, original.steps());
        INDArray q = p.dup();
        original.step(p, array(G2), 0.01);
        resumed.step(q, array(G2), 0.01);
        assertArrayEquals(p.toDoubleVector(), q.toDoubleVector(), 0);
        assertEquals(2, resumed.steps());
    }

    @Test
    void stateFollowsThePixelsToANewResolution() {
        Optimizer rms = create("RMSPROP");
        INDArray pixels = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, 3, 4, 4);
        rms.step(pixels, Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, 3, 4, 4).subi(0.5), 0.003);
        Size larger = new Size(8, 8);
        rms.mapState(a -> Resampling.resize(a, larger, Interpolation.CUBIC));
        INDArray bigger = Resampling.resize(pixels, larger, Interpolation.CUBIC);
        for (INDArray state : rms.stateArrays().values()) assertArrayEquals(new long[]{1, 3, 8, 8}, state.shape());
        INDArray square = rms.stateArrays().get("square_avg"), mean = rms.stateArrays().get("grad_avg");
        assertEquals(0, Nd4j.getExecutioner().exec(
                new org.nd4j.linalg.api.ops.impl.reduce.longer.MatchCondition(square.sub(mean.mul(mean)),
                        org.nd4j.linalg.indexing.conditions.Conditions.lessThan(0))).getInt(0), "variance kept >= 0");
        rms.step(bigger, Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, 3, 8, 8), 0.003);
        assertEquals(0, bigger.isNaN().castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().intValue());
    }
}
