package dev.clipig.clip.nn;

import dev.clipig.clip.runtime.Forward;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Layer normalization over the last axis with PyTorch's formula,
 * {@code y = (x − mean) / sqrt(var + eps) · γ + β} with the biased variance. (ND4J's fused
 * layer_norm divides by {@code std + 1e-12} instead, which moves gradients by ~1e-4.)
 *
 * <p>Where a linear layer reads the output, γ and β can be folded into that layer
 * ({@link ConstantFolding}); the norm left behind has neither ({@link #withoutAffine}).
 *
 * @param gamma [D], or null with beta for the normalization alone
 */
public record LayerNorm(INDArray gamma, INDArray beta, double eps) {

    public static final double EPS = 1e-5;

    public LayerNorm {
        if ((gamma == null) != (beta == null)) throw new IllegalArgumentException("gamma and beta go together");
    }

    public LayerNorm(INDArray gamma, INDArray beta) {
        this(gamma, beta, EPS);
    }

    /** x̂ alone, for a norm whose γ and β a following layer has taken over. */
    public LayerNorm withoutAffine() {
        return new LayerNorm(null, null, eps);
    }

    /** What the backward needs: the normalized input x̂ [N, D] and the reciprocal deviation [N, 1]. */
    public record Saved(INDArray normalized, INDArray rstd) {
        Saved moved(UnaryOperator<INDArray> move) {
            return new Saved(move.apply(normalized), move.apply(rstd));
        }
    }

    /** [N, D] → [N, D]. Without γ and β the output is the saved x̂ itself, so it must not be modified in place. */
    public Forward<Saved> forward(INDArray x) {
        INDArray centered = x.subColumnVector(x.mean(true, 1));
        INDArray variance = centered.mul(centered).mean(true, 1);
        INDArray rstd = Transforms.pow(variance.addi(eps), -0.5, false);
        INDArray normalized = centered.muliColumnVector(rstd);
        INDArray y = gamma == null ? normalized : normalized.mulRowVector(gamma).addiRowVector(beta);
        return new Forward<>(y, new Saved(normalized, rstd));
    }

    /** dx = rstd · (ĝ − mean(ĝ) − x̂ · mean(ĝ ⊙ x̂)) with ĝ = dy ⊙ γ, computed in dy's memory. */
    public INDArray backward(INDArray dy, Saved saved) {
        INDArray rstd = saved.rstd(), normalized = saved.normalized();
        INDArray g = gamma == null ? dy : dy.muliRowVector(gamma);
        INDArray meanG = g.mean(true, 1);
        INDArray meanGx = g.mul(normalized).mean(true, 1);
        return g.subiColumnVector(meanG)
                .subi(normalized.mulColumnVector(meanGx))
                .muliColumnVector(rstd);
    }
}
