package dev.clipig.clip.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Layer normalization over the last axis with PyTorch's formula,
 * {@code y = (x − mean) / sqrt(var + eps) · γ + β} with the biased variance. (ND4J's fused
 * layer_norm divides by {@code std + 1e-12} instead, which moves gradients by ~1e-4.)
 */
public record LayerNorm(INDArray gamma, INDArray beta, double eps) {

    public static final double EPS = 1e-5;

    public LayerNorm(INDArray gamma, INDArray beta) {
        this(gamma, beta, EPS);
    }

    /** [N, D] → [N, D]; saves the normalized input and the reciprocal deviation. */
    public INDArray forward(INDArray x, Tape tape) {
        INDArray centered = x.subColumnVector(x.mean(true, 1));
        INDArray variance = centered.mul(centered).mean(true, 1);
        INDArray rstd = Transforms.pow(variance.addi(eps), -0.5, false);
        INDArray normalized = centered.muliColumnVector(rstd);
        tape.push(normalized, rstd);
        return normalized.mulRowVector(gamma).addiRowVector(beta);
    }

    /** dx = rstd · (ĝ − mean(ĝ) − x̂ · mean(ĝ ⊙ x̂)) with ĝ = dy ⊙ γ. */
    public INDArray backward(INDArray dy, Tape tape) {
        INDArray rstd = tape.pop();
        INDArray normalized = tape.pop();
        INDArray g = dy.mulRowVector(gamma);
        INDArray meanG = g.mean(true, 1);
        INDArray meanGx = g.mul(normalized).mean(true, 1);
        return g.subiColumnVector(meanG)
                .subi(normalized.mulColumnVector(meanGx))
                .muliColumnVector(rstd);
    }
}
