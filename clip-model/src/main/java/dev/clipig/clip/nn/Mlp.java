package dev.clipig.clip.nn;

import dev.clipig.clip.runtime.Forward;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The transformer's feed-forward network, {@code c_proj(QuickGELU(c_fc(x)))} with
 * QuickGELU(h) = h·σ(1.702h). The 1.702 is folded into c_fc and c_proj ({@link ConstantFolding}),
 * so the activation is a plain swish, s(h) = h·σ(h).
 */
public record Mlp(Linear fc, Linear proj) {

    /** What the backward needs: σ(h) and s(h) [N, 4·width], so that it needs no exponential of its own. */
    public record Saved(INDArray sigma, INDArray swish) {
        Saved moved(UnaryOperator<INDArray> move) {
            return new Saved(move.apply(sigma), move.apply(swish));
        }
    }

    public Forward<Saved> forward(INDArray x) {
        INDArray h = fc.forward(x);
        INDArray sigma = Transforms.sigmoid(h, true);
        INDArray s = h.muli(sigma);
        return new Forward<>(proj.forward(s), new Saved(sigma, s));
    }

    /**
     * s'(h) = σ(h) · (1 + h · (1 − σ(h))) = σ + s · (1 − σ): products of finite factors, so large
     * |h| stays finite (σ → 1 gives 1, σ → 0 gives σ · (1 + h)).
     */
    public INDArray backward(INDArray dy, Saved saved) {
        INDArray s = saved.swish(), sigma = saved.sigma();
        INDArray slope = s.muli(sigma.rsub(1)).addi(sigma);
        return fc.backward(proj.backward(dy).muli(slope));
    }
}
