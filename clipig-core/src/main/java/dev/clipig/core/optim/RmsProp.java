package dev.clipig.core.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * RMSprop as PyTorch writes it (α = 0.99, ε = 1e-8), optionally centered (dividing by the
 * running standard deviation of the gradient instead of its root mean square) and with momentum.
 * CLIPig's {@code rmsprob} is the centered one with momentum 0.1.
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
        INDArray squareAvg = state("square_avg", params).muli(ALPHA).addi(gradient.mul(gradient).muli(1 - ALPHA));
        INDArray variance = squareAvg;
        if (centered) {
            INDArray gradAvg = state("grad_avg", params).muli(ALPHA).addi(gradient.mul(1 - ALPHA));
            // max(·, 0): after the state is resampled to a new resolution it can dip below zero.
            variance = Transforms.max(squareAvg.sub(gradAvg.mul(gradAvg)), 0, false);
        }
        INDArray scaled = gradient.div(Transforms.sqrt(variance, true).addi(EPS));
        if (momentum > 0) {
            scaled = state("momentum_buffer", params).muli(momentum).addi(scaled);
        }
        params.subi(scaled.mul(lr));
    }
}
