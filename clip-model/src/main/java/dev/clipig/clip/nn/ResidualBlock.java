package dev.clipig.clip.nn;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import dev.clipig.clip.runtime.Forward;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A pre-norm transformer block: {@code x + attn(ln_1(x))}, then {@code + mlp(ln_2(·))}. */
public record ResidualBlock(LayerNorm ln1, Attention attn, LayerNorm ln2, Mlp mlp) {

    /** OpenAI's {@code resblocks.N} weights under {@code prefix}, their constants folded in ({@link ConstantFolding}). */
    public static ResidualBlock load(Weights w, String prefix, int heads, boolean causal) {
        return ConstantFolding.residualBlock(
                w.layerNorm(prefix + ".ln_1"),
                new Linear(w.get(prefix + ".attn.in_proj_weight"), w.get(prefix + ".attn.in_proj_bias")),
                w.linear(prefix + ".attn.out_proj"), heads, causal,
                w.layerNorm(prefix + ".ln_2"),
                w.linear(prefix + ".mlp.c_fc"),
                w.linear(prefix + ".mlp.c_proj"));
    }

    /** What the block's backward needs: what each of its layers saved. */
    public record Saved(LayerNorm.Saved ln1, Attention.Saved attn, LayerNorm.Saved ln2, Mlp.Saved mlp) {
        /** The same activations, each passed through {@code move}, e.g. to another workspace. */
        public Saved moved(UnaryOperator<INDArray> move) {
            return new Saved(ln1.moved(move), attn.moved(move), ln2.moved(move), mlp.moved(move));
        }
    }

    /**
     * [batch · tokens, width] → [batch · queries, width]: the outputs of the first {@code queries}
     * tokens of each sequence (all of them when queries = tokens).
     */
    public Forward<Saved> forward(INDArray x, int batch, int queries) {
        Forward<LayerNorm.Saved> n1 = ln1.forward(x);
        Forward<Attention.Saved> a = attn.forward(n1.output(), batch, queries);
        INDArray r = a.output().addi(leadingRows(x, batch, queries));
        Forward<LayerNorm.Saved> n2 = ln2.forward(r);
        Forward<Mlp.Saved> m = mlp.forward(n2.output());
        return new Forward<>(r.addi(m.output()), new Saved(n1.saved(), a.saved(), n2.saved(), m.saved()));
    }

    /** [batch · queries, width] → [batch · tokens, width] */
    public INDArray backward(INDArray dy, int batch, int tokens, Saved saved) {
        INDArray dr = ln2.backward(mlp.backward(dy, saved.mlp()), saved.ln2()).addi(dy);
        INDArray dx = ln1.backward(attn.backward(dr, batch, saved.attn()), saved.ln1());
        int queries = (int) (dy.size(0) / batch);
        rowsOf(dx, batch, tokens, queries).addi(dr.reshape(batch, queries, dr.size(1)));
        return dx;
    }

    /** The rows of the first {@code queries} tokens of each sequence: x itself when that is all of them. */
    private static INDArray leadingRows(INDArray x, int batch, int queries) {
        int tokens = (int) (x.size(0) / batch);
        if (queries == tokens) return x;
        return rowsOf(x, batch, tokens, queries).dup('c').reshape((long) batch * queries, x.size(1));
    }

    /** A [batch, queries, width] view of the first rows of each sequence. */
    private static INDArray rowsOf(INDArray x, int batch, int tokens, int queries) {
        INDArray sequences = x.reshape(batch, tokens, x.size(1));
        return queries == tokens ? sequences : sequences.get(all(), interval(0, queries), all());
    }
}
