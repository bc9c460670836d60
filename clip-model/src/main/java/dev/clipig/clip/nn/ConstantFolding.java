package dev.clipig.clip.nn;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one step at load that moves the constants of OpenAI's residual block into its weights, so
 * that the passes never multiply by them and each forward keeps model.py's shape:
 * <ul>
 *   <li>attention's 1/√d scale into the query rows of the packed q, k, v projection;</li>
 *   <li>QuickGELU's 1.702, z·σ(1.702z), as 1.702/2 into c_fc (and 1/1.702 into c_proj's weight),
 *       which leaves s(u) = u·(1 + tanh u) = 2u·σ(2u) with u = 0.851z ({@link Mlp});</li>
 *   <li>each pre-norm's γ and β into the linear layer that reads it, leaving x̂ alone.</li>
 * </ul>
 * Folded in place, so each array serves one model.
 */
final class ConstantFolding {
    private static final double QUICK_GELU = 1.702;

    private ConstantFolding() {
    }

    /** The block that computes what OpenAI's block with these parameters computes. */
    static ResidualBlock residualBlock(LayerNorm ln1, Linear inProj, Linear outProj, int heads, boolean causal,
                                      LayerNorm ln2, Linear cFc, Linear cProj) {
        long width = outProj.weight().size(0);
        double scale = 1.0 / Math.sqrt((double) width / heads);
        inProj.weight().get(interval(0, width), all()).muli(scale);
        inProj.bias().get(interval(0, width)).muli(scale);
        cFc.weight().muli(QUICK_GELU / 2);
        cFc.bias().muli(QUICK_GELU / 2);
        cProj.weight().divi(QUICK_GELU);
        return new ResidualBlock(
                ln1.withoutAffine(), new Attention(afterNorm(inProj, ln1), outProj, heads, causal),
                ln2.withoutAffine(), new Mlp(afterNorm(cFc, ln2), cProj));
    }

    /**
     * The linear layer reading {@code norm}'s output before its affine map: with
     * {@code W' = W diag(γ)} and {@code b' = b + W β}, {@code W'x̂ + b' = W(γ ⊙ x̂ + β) + b}.
     */
    static Linear afterNorm(Linear linear, LayerNorm norm) {
        INDArray weight = linear.weight(), bias = linear.bias();
        INDArray shift = Nd4j.gemm(norm.beta().reshape(1, norm.beta().length()), weight, false, true)
                .reshape(weight.size(0));
        weight.muliRowVector(norm.gamma());
        return new Linear(weight, bias == null ? shift : bias.addi(shift));
    }
}
