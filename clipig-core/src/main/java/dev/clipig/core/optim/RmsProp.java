package dev.clipig.core.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * torch's RMSprop (alpha 0.99, eps 1e-8): steps divided by a running root mean square of the
 * gradient, optionally centered by the running mean gradient and smoothed by momentum. The
 * reference's {@code rmsprob} is centered with momentum 0.1 at base rate 0.003.
 */
final class RmsProp extends Optimizer {

    private static final double ALPHA = 0.99, EPS = 1e-8;

    private final double baseLearnrate;
    private final boolean centered;
    private final double momentum;

    RmsProp(double baseLearnrate, boolean centered, double momentum) {
        this.baseLearnrate = baseLearnrate;
        this.centered = centered;
        this.momentum = momentum;
    }

    @Override
    public double baseLearnrate() {
        return baseLearnrate;
    }

    @Override
    protected void update(INDArray params, INDArray gradient, double lr, long step) {
        INDArray square = state("square_avg", params).muli(ALPHA).addi(gradient.mul(gradient).muli(1 - ALPHA));
        INDArray variance = square;
        if (centered) {
            INDArray mean = state("grad_avg", params).muli(ALPHA).addi(gradient.mul(1 - ALPHA));
            variance = square.sub(mean.mul(mean));
        }
        INDArray scaled = gradient.div(Transforms.sqrt(variance, true).addi(EPS));
        if (momentum > 0) {
            scaled = state("momentum_buffer", params).muli(momentum).addi(scaled);
        }
        params.subi(scaled.mul(lr));
    }

    /** Resampling may leave a negative mean square, or one below the squared mean gradient. */
    @Override
    protected void repair() {
        INDArray square = existing("square_avg"), mean = existing("grad_avg");
        if (square == null) return;
        Transforms.max(square, 0.0, false);
        if (mean != null) Transforms.max(square, mean.mul(mean), false);
    }
}
