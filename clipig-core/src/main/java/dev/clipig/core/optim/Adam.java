package dev.clipig.core.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * torch's Adam with its defaults (betas 0.9 and 0.999, eps 1e-8): bias-corrected moment
 * estimates, {@code p -= lr/(1-β₁ᵗ) · m / (√v/√(1-β₂ᵗ) + eps)}; the reference's base rate is 0.01.
 */
final class Adam extends Optimizer {

    private static final double BETA1 = 0.9, BETA2 = 0.999, EPS = 1e-8;

    @Override
    public double baseLearnrate() {
        return 0.01;
    }

    @Override
    protected void update(INDArray params, INDArray gradient, double lr, long step) {
        INDArray mean = state("exp_avg", params).muli(BETA1).addi(gradient.mul(1 - BETA1));
        INDArray square = state("exp_avg_sq", params).muli(BETA2).addi(gradient.mul(gradient).muli(1 - BETA2));
        double correction1 = 1 - Math.pow(BETA1, step), correction2 = 1 - Math.pow(BETA2, step);
        INDArray denominator = Transforms.sqrt(square, true).divi(Math.sqrt(correction2)).addi(EPS);
        params.subi(mean.div(denominator).muli(lr / correction1));
    }

    @Override
    protected void repair() {
        INDArray square = existing("exp_avg_sq");
        if (square != null) Transforms.max(square, 0.0, false);
    }
}
