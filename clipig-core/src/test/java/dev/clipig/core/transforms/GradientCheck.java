package dev.clipig.core.transforms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Central finite differences of {@code L = sum(output · R)} against the analytic backward pass, in
 * double precision. The function must be deterministic: random transforms get a context with the
 * same seed on every call. Up to {@link #MAX_PROBES} input elements, spread evenly, are probed.
 */
public final class GradientCheck {

    /** Enough probed elements to catch a wrong gradient, few enough to keep tests fast. */
    private static final int MAX_PROBES = 24;

    private GradientCheck() {
    }

    public static StepContext context(long seed, Size resolution) {
        return new StepContext(Step.start(10, resolution), new SplittableRandom(seed));
    }

    /** Uniform values in {@code [lo, hi]}, in double precision. */
    public static INDArray uniform(long seed, double lo, double hi, long... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = lo + (hi - lo) * random.nextDouble();
        return Nd4j.createFromArray(values).reshape(shape);
    }

    public static void assertGradient(Function<INDArray, Pass> f, INDArray x) {
        assertTrue(x.dataType() == DataType.DOUBLE, "gradient checks run in double precision");
        Pass pass = f.apply(x);
        INDArray weights = uniform(99, -1, 1, pass.output().shape());
        INDArray analytic = pass.backward(weights);
        assertTrue(java.util.Arrays.equals(analytic.shape(), x.shape()), "gradient has the input's shape");
        double eps = 1e-6, worst = 0, scale = Math.max(1e-3, analytic.amaxNumber().doubleValue());
        INDArray flat = x.dup().reshape(x.length());
        long stride = Math.max(1, x.length() / MAX_PROBES);
        for (long i = 0; i < x.length(); i += stride) {
            double v = flat.getDouble(i);
            flat.putScalar(i, v + eps);
            double up = f.apply(flat.reshape(x.shape())).output().mul(weights).sumNumber().doubleValue();
            flat.putScalar(i, v - eps);
            double down = f.apply(flat.reshape(x.shape())).output().mul(weights).sumNumber().doubleValue();
            flat.putScalar(i, v);
            double numeric = (up - down) / (2 * eps);
            worst = Math.max(worst, Math.abs(numeric - analytic.reshape(x.length()).getDouble(i)));
        }
        assertTrue(worst / scale < 1e-6, "finite differences differ from the backward pass by " + worst
                + " (largest gradient " + scale + ")");
    }

    /** The gradient check of one transform's stage on a batch. */
    public static void assertGradient(Stage stage, INDArray x, Size size) {
        assertGradient(in -> stage.forward(in, context(7, size)), x);
    }
}
