package dev.clipig.clip.nn;

import dev.clipig.clip.runtime.Forward;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The transformer's feed-forward network, {@code c_proj(QuickGELU(c_fc(x)))} with
 * QuickGELU(z) = z·σ(1.702z). With σ(2u) = (1 + tanh u) / 2 and the constants folded into c_fc
 * (u = 0.851z) and c_proj ({@link ConstantFolding}), the activation is s(u) = u·(1 + tanh u):
 * tanh because libnd4j's oneDNN build runs it in oneDNN's vectorized code, 3–4× faster than its
 * own sigmoid, which calls a scalar exp per element (docs/performance.md).
 */
public record Mlp(Linear fc, Linear proj) {

    /** What the backward needs: tanh(u) and s(u) [N, 4·width], so that it needs no tanh of its own. */
    public record Saved(INDArray tanh, INDArray activation) {
        Saved moved(UnaryOperator<INDArray> move) {
            return new Saved(move.apply(tanh), move.apply(activation));
        }
    }

    public Forward<Saved> forward(INDArray x) {
        INDArray u = fc.forward(x);
        INDArray t = tanh(u);
        INDArray s = u.muli(t.add(1.0));
        return new Forward<>(proj.forward(s), new Saved(t, s));
    }

    /**
     * s'(u) = (1 + t) + u·(1 − t²) = (1 + t) + s·(1 − t) with t = tanh u: products of finite
     * factors, so large |u| stays finite (t → ±1 gives 2 or 0).
     */
    public INDArray backward(INDArray dy, Saved saved) {
        INDArray s = saved.activation(), t = saved.tanh();
        INDArray slope = s.muli(t.rsub(1.0)).addi(t).addi(1.0);
        return fc.backward(proj.backward(dy).muli(slope));
    }

    /** The declarable op, not the legacy transform: only the former reaches oneDNN's kernel. */
    private static INDArray tanh(INDArray u) {
        INDArray t = u.ulike();
        Nd4j.exec(DynamicCustomOp.builder("tanh").addInputs(u).addOutputs(t).build());
        return t;
    }
}
