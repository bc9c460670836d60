package dev.clipig.core.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * torch's Adadelta (rho 0.9, eps 1e-6): steps scaled by the ratio of the running root mean squares
 * of past steps and of gradients; the reference's base rate is 20.
 */
final class Adadelta extends Optimizer {

    private static final double RHO = 0.9, EPS = 1e-6;

    @Override
    public double baseLearnrate() {
        return 20.0;
    }

    @Override
    protected void update(INDArray params, INDArray gradient, double lr, long step) {
        INDArray square = state("square_avg", params).muli(RHO).addi(gradient.mul(gradient).muli(1 - RHO));
        INDArray accumulated = state("acc_delta", params);
        INDArray delta = Transforms.sqrt(accumulated.add(EPS), false)
                .divi(Transforms.sqrt(square.add(EPS), false)).muli(gradient);
        accumulated.muli(RHO).addi(delta.mul(delta).muli(1 - RHO));
        params.subi(delta.muli(lr));
    }

    @Override
    protected void repair() {
        for (String name : new String[]{"square_avg", "acc_delta"}) {
            INDArray array = existing(name);
            if (array != null) Transforms.max(array, 0.0, false);
        }
    }
}
