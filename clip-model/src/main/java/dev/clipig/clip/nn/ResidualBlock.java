package dev.clipig.clip.nn;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A pre-norm transformer block: {@code x + attn(ln_1(x))}, then {@code + mlp(ln_2(·))}. */
public record ResidualBlock(LayerNorm ln1, Attention attn, LayerNorm ln2, Mlp mlp) {

    /** Each norm's γ and β move into the layer that reads it, which spares passes over the activations. */
    public static ResidualBlock load(Weights w, String prefix, int heads, boolean causal) {
        LayerNorm ln1 = w.layerNorm(prefix + ".ln_1"), ln2 = w.layerNorm(prefix + ".ln_2");
        return new ResidualBlock(
                ln1.withoutAffine(),
                Attention.load(w, prefix + ".attn", heads, causal).afterNorm(ln1),
                ln2.withoutAffine(),
                Mlp.load(w, prefix + ".mlp").afterNorm(ln2));
    }

    /**
     * [batch · tokens, width] → [batch · queries, width]: the outputs of the first {@code queries}
     * tokens of each sequence (all of them when queries = tokens).
     */
    public INDArray forward(INDArray x, int batch, int queries, Tape tape) {
        INDArray r = attn.forward(ln1.forward(x, tape), batch, queries, tape).addi(leadingRows(x, batch, queries));
        return r.addi(mlp.forward(ln2.forward(r, tape), tape));
    }

    /** [batch · queries, width] → [batch · tokens, width] */
    public INDArray backward(INDArray dy, int batch, int tokens, Tape tape) {
        INDArray dr = ln2.backward(mlp.backward(dy, tape), tape).addi(dy);
        INDArray dx = ln1.backward(attn.backward(dr, batch, tape), tape);
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
