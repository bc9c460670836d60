package dev.clipig.clip.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Swish;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The transformer's feed-forward network, {@code c_proj(QuickGELU(c_fc(x)))} with
 * QuickGELU(h) = h·σ(1.702h). The 1.702 is folded into c_fc (and 1/1.702 into c_proj's weight),
 * so the activation is a plain swish, s(h) = h·σ(h).
 */
public record Mlp(Linear fc, Linear proj) {

    private static final double QUICK_GELU = 1.702;

    public static Mlp load(Weights w, String prefix) {
        Linear cProj = w.linear(prefix + ".c_proj");
        cProj.weight().divi(QUICK_GELU);
        return new Mlp(w.linear(prefix + ".c_fc").scaled(QUICK_GELU), cProj);
    }

    public INDArray forward(INDArray x, Tape tape) {
        INDArray h = fc.forward(x);
        tape.push(h);
        return proj.forward(Nd4j.exec(new Swish(h, h.ulike())));
    }

    /** s'(h) = σ(h) · (1 + h · (1 − σ(h))), written so that large |h| stays finite. */
    public INDArray backward(INDArray dy, Tape tape) {
        INDArray h = tape.pop();
        INDArray sigma = Transforms.sigmoid(h, true);
        INDArray slope = sigma.rsub(1).muli(h).addi(1).muli(sigma);
        return fc.backward(proj.backward(dy).muli(slope));
    }
}
