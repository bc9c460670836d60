package dev.clipig.core.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Adadelta (Zeiler) with PyTorch's defaults ρ = 0.9, ε = 1e-6. */
final class Adadelta extends Optimizer {
    private static final double RHO = 0.9, EPS = 1e-6;

    @Override
    public double baseLearnrate() {
        return 20.0;
    }

    @Override
    protected void update(INDArray params, INDArray gradient, double lr, long step) {
        INDArray squareAvg = state("square_avg", params).muli(RHO).addi(gradient.mul(gradient).muli(1 - RHO));
        INDArray accDelta = state("acc_delta", params);
        INDArray delta = Transforms.sqrt(accDelta.add(EPS), false)
                .divi(Transforms.sqrt(squareAvg.add(EPS), false)).muli(gradient);
        accDelta.muli(RHO).addi(delta.mul(delta).muli(1 - RHO));
        params.subi(delta.muli(lr));
    }
}
