package dev.clipig.clip.nn;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import dev.clipig.clip.runtime.Forward;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Multi-head self-attention, {@code softmax(q kᵀ / √d) v}, over sequences stacked row-wise as
 * [batch · tokens, width]. The 1/√d scale is folded into the query projection ({@link ConstantFolding}).
 *
 * <p>Only the first {@code queries} tokens of each sequence may be asked for: the image encoder's
 * last block needs the class token alone, so it skips the other 49 queries and their MLP rows.
 *
 * @param inProj  packed q, k, v projection: [3·width, width]
 * @param outProj [width, width]
 * @param heads   number of heads; each has width / heads channels
 * @param causal  whether token i may attend only to tokens ≤ i (the text encoder)
 */
public record Attention(Linear inProj, Linear outProj, int heads, boolean causal) {

    private long width() {
        return outProj.weight().size(0);
    }

    /**
     * What the backward needs, per head: the (scaled) queries [B, H, Q, d], keys and values
     * [B, H, T, d], and the attention weights p = softmax(q kᵀ) [B, H, Q, T].
     */
    public record Saved(INDArray q, INDArray k, INDArray v, INDArray p) {
        Saved moved(UnaryOperator<INDArray> move) {
            return new Saved(move.apply(q), move.apply(k), move.apply(v), move.apply(p));
        }
    }

    /** [batch · tokens, width] → [batch · queries, width] */
    public Forward<Saved> forward(INDArray x, int batch, int queries) {
        int tokens = (int) (x.size(0) / batch);
        long width = width(), headWidth = width / heads;
        INDArray qkv = inProj.forward(x)
                .reshape(batch, tokens, 3, heads, headWidth)
                .permute(2, 0, 3, 1, 4).dup('c');                          // [3, B, H, T, d]
        INDArray q = leadingTokens(qkv.slice(0), queries), k = qkv.slice(1), v = qkv.slice(2);
        INDArray scores = Nd4j.matmul(q, k, false, true, false);           // [B, H, Q, T]
        if (causal) {
            INDArray mask = causalMask(queries, tokens);
            Nd4j.exec(new BroadcastAddOp(scores, mask, scores, 2, 3));
        }
        INDArray p = Nd4j.exec(new SoftMax(scores, scores, -1))[0];
        INDArray o = Nd4j.matmul(p, v);                                    // [B, H, Q, d]
        INDArray y = outProj.forward(o.permute(0, 2, 1, 3).dup('c').reshape((long) batch * queries, width));
        return new Forward<>(y, new Saved(q, k, v, p));
    }

    /** [batch · queries, width] → [batch · tokens, width] */
    public INDArray backward(INDArray dy, int batch, Saved saved) {
        INDArray q = saved.q(), k = saved.k(), v = saved.v(), p = saved.p();
        long width = width(), headWidth = width / heads;
        int queries = (int) q.size(2), tokens = (int) k.size(2);
        INDArray dOut = outProj.backward(dy)
                .reshape(batch, queries, heads, headWidth)
                .permute(0, 2, 1, 3).dup('c');                             // [B, H, Q, d]
        INDArray dqkv = Nd4j.createUninitialized(dy.dataType(), 3, batch, heads, tokens, headWidth);
        Nd4j.matmul(p, dOut, dqkv.slice(2), true, false, false);           // dv = pᵀ dOut
        INDArray dp = Nd4j.matmul(dOut, v, false, true, false);            // [B, H, Q, T]
        INDArray ds = softmaxBackward(p, dp);
        Nd4j.matmul(ds, q, dqkv.slice(1), true, false, false);             // dk = dsᵀ q
        INDArray dq = Nd4j.matmul(ds, k);                                  // [B, H, Q, d]
        if (queries == tokens) {
            dqkv.slice(0).assign(dq);
        } else {
            dqkv.slice(0).assign(0).get(all(), all(), interval(0, queries), all()).assign(dq);
        }
        return inProj.backward(dqkv.permute(1, 3, 0, 2, 4).dup('c').reshape((long) batch * tokens, 3 * width));
    }

    /** ds = p ⊙ (dp − Σⱼ dp ⊙ p), in place in dp. */
    private static INDArray softmaxBackward(INDArray p, INDArray dp) {
        INDArray rowDot = dp.mul(p).sum(3);
        Nd4j.exec(new BroadcastSubOp(dp, rowDot, dp, 0, 1, 2));
        return dp.muli(p);
    }

    private static INDArray leadingTokens(INDArray perHead, int queries) {
        return queries == perHead.size(2) ? perHead
                : perHead.get(all(), all(), interval(0, queries), all()).dup('c');
    }

    private static INDArray causalMask(int queries, int tokens) {
        float[][] mask = new float[queries][tokens];
        for (int i = 0; i < queries; i++) {
            for (int j = i + 1; j < tokens; j++) mask[i][j] = Float.NEGATIVE_INFINITY;
        }
        return Nd4j.create(mask);
    }
}
