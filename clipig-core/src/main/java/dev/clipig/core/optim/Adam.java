package dev.clipig.core.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Adam (Kingma & Ba) with PyTorch's defaults β = (0.9, 0.999), ε = 1e-8 and bias correction. */
final class Adam extends Optimizer {
    private static final double BETA1 = 0.9, BETA2 = 0.999, EPS = 1e-8;

    @Override
    public double baseLearnrate() {
        return 0.01;
    }

    @Override
    protected void update(INDArray params, INDArray gradient, double lr, long step) {
        INDArray m = state("exp_avg", params).muli(BETA1).addi(gradient.mul(1 - BETA1));
        INDArray v = state("exp_avg_sq", params).muli(BETA2).addi(gradient.mul(gradient).muli(1 - BETA2));
        double correction1 = 1 - Math.pow(BETA1, step), correction2 = 1 - Math.pow(BETA2, step);
        INDArray denominator = Transforms.sqrt(v, true).divi(Math.sqrt(correction2)).addi(EPS);
        params.subi(m.div(denominator).muli(lr / correction1));
    }
}
