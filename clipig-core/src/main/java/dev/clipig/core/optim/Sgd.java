package dev.clipig.core.optim;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Plain gradient descent, {@code p -= lr·g}; the reference's base rate is 10. */
final class Sgd extends Optimizer {

    @Override
    public double baseLearnrate() {
        return 10.0;
    }

    @Override
    protected void update(INDArray params, INDArray gradient, double lr, long step) {
        params.subi(gradient.mul(lr));
    }
}
