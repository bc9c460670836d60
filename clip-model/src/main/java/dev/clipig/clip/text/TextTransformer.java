package dev.clipig.clip.text;

import dev.clipig.clip.nn.LayerNorm;
import dev.clipig.clip.nn.Transformer;
import dev.clipig.clip.nn.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * CLIP's text encoder: token and position embeddings, a causal transformer, ln_final, and the
 * projection of the feature at the end-of-text token (the sequence's highest token id).
 */
public record TextTransformer(INDArray tokenEmbedding, INDArray positionalEmbedding, Transformer transformer,
                              LayerNorm lnFinal, INDArray projection) {

    /** OpenAI's top-level text weights. */
    public static TextTransformer load(Weights w, int layers, int heads) {
        return new TextTransformer(
                w.get("token_embedding.weight"),
                w.get("positional_embedding"),
                Transformer.load(w, "transformer", layers, heads, true),
                w.layerNorm("ln_final"),
                w.get("text_projection"));
    }

    public int contextLength() {
        return (int) positionalEmbedding.size(0);
    }

    public int vocabSize() {
        return (int) tokenEmbedding.size(0);
    }

    /** Throws, naming the row or id, unless every row has the context's length of ids in the vocabulary. */
    public void checkTokens(int[][] tokens) {
        for (int b = 0; b < tokens.length; b++) {
            if (tokens[b].length != contextLength()) {
                throw new IllegalArgumentException("token row " + b + " has " + tokens[b].length
                        + " ids; this model's context is " + contextLength());
            }
            for (int id : tokens[b]) {
                if (id < 0 || id >= vocabSize()) {
                    throw new IllegalArgumentException("token id " + id + " outside the vocabulary of " + vocabSize());
                }
            }
        }
    }

    /** Token ids [B][context] → text features [B, embed]. */
    public INDArray forward(int[][] tokens) {
        checkTokens(tokens);
        int batch = tokens.length, context = contextLength();
        int[] flat = new int[batch * context];
        int[] endRows = new int[batch];
        for (int b = 0; b < batch; b++) {
            int end = 0;
            for (int t = 0; t < context; t++) {
                int id = tokens[b][t];
                flat[b * context + t] = id;
                if (id > tokens[b][end]) end = t;
            }
            endRows[b] = b * context + end;
        }
        INDArray x = tokenEmbedding.getRows(flat).reshape(batch, context, tokenEmbedding.size(1));
        for (int b = 0; b < batch; b++) x.slice(b).addi(positionalEmbedding);
        INDArray h = transformer.forward(x.reshape((long) batch * context, x.size(2)), batch, context, false).output();
        return lnFinal.forward(Nd4j.pullRows(h, 1, endRows)).output().mmul(projection);
    }
}
