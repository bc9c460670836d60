package dev.clipig.clip.vision;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import dev.clipig.clip.nn.LayerNorm;
import dev.clipig.clip.nn.Linear;
import dev.clipig.clip.nn.OneDnnTransformer;
import dev.clipig.clip.nn.ResidualBlock;
import dev.clipig.clip.nn.Transformer;
import dev.clipig.clip.nn.Weights;
import dev.clipig.clip.runtime.Forward;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * CLIP's image encoder (Dosovitskiy et al.'s ViT as OpenAI built it): non-overlapping patches
 * embedded linearly, a class token prepended, learned positions added, ln_pre, a transformer,
 * ln_post of the class token, and a projection to the joint embedding space.
 *
 * <p>{@link #backward} returns the gradient with respect to the pixels only; the weights are frozen.
 */
public record VisionTransformer(int resolution, int patchSize, Linear patchEmbedding, INDArray classEmbedding,
                                INDArray positionalEmbedding, LayerNorm lnPre, Transformer transformer,
                                LayerNorm lnPost, INDArray projection) {

    /** OpenAI's {@code visual.*} weights. */
    public static VisionTransformer load(Weights w, int layers, int heads) {
        INDArray conv = w.get("visual.conv1.weight");                    // [width, 3, P, P]
        int patch = (int) conv.size(3);
        int grid = (int) Math.round(Math.sqrt(w.get("visual.positional_embedding").size(0) - 1));
        return new VisionTransformer(patch * grid, patch,
                new Linear(conv.reshape(conv.size(0), 3L * patch * patch), null),
                w.get("visual.class_embedding"),
                w.get("visual.positional_embedding"),
                w.layerNorm("visual.ln_pre"),
                Transformer.load(w, "visual.transformer", layers, heads, false),
                w.layerNorm("visual.ln_post"),
                w.get("visual.proj"));
    }

    public int width() {
        return (int) classEmbedding.length();
    }

    public int embedDim() {
        return (int) projection.size(1);
    }

    private int grid() {
        return resolution / patchSize;
    }

    private int tokens() {
        return grid() * grid() + 1;
    }

    /** What the backward needs: what ln_pre, each block and ln_post saved. */
    public record Saved(LayerNorm.Saved lnPre, List<ResidualBlock.Saved> blocks, LayerNorm.Saved lnPost) {
    }

    /** Normalized pixels [B, 3, R, R] → image features [B, embed], for inference. */
    public INDArray forward(INDArray pixels) {
        return forward(pixels, false).output();
    }

    /**
     * The same inference forward with the residual blocks run by {@code blocks} (made from this
     * encoder's {@link #transformer}).
     */
    public INDArray forward(INDArray pixels, OneDnnTransformer blocks) {
        int batch = checkPixels(pixels);
        INDArray cls = blocks.forward(lnPre.forward(embed(pixels, batch)).output(), batch, 1);
        return lnPost.forward(cls).output().mmul(projection);
    }

    /** The same forward, keeping what {@link #backward} needs. */
    public Forward<Saved> forwardSaving(INDArray pixels) {
        return forward(pixels, true);
    }

    private Forward<Saved> forward(INDArray pixels, boolean save) {
        int batch = checkPixels(pixels);
        Forward<LayerNorm.Saved> x = lnPre.forward(embed(pixels, batch));
        Forward<List<ResidualBlock.Saved>> cls = transformer.forward(x.output(), batch, 1, save);   // [B, width]
        Forward<LayerNorm.Saved> features = lnPost.forward(cls.output());
        return new Forward<>(features.output().mmul(projection), new Saved(x.saved(), cls.saved(), features.saved()));
    }

    /** d(loss)/d(features) [B, embed] → d(loss)/d(pixels) [B, 3, R, R]. */
    public INDArray backward(INDArray dFeatures, Saved saved) {
        int batch = (int) dFeatures.size(0);
        INDArray dCls = lnPost.backward(dFeatures.mmul(projection.transpose()), saved.lnPost());
        INDArray dx = lnPre.backward(transformer.backward(dCls, batch, tokens(), saved.blocks()), saved.lnPre());
        return unembed(dx, batch);
    }

    /** [B, 3, R, R] → [B · (G² + 1), width]: class token then the patches in raster order. */
    private INDArray embed(INDArray pixels, int batch) {
        int g = grid(), p = patchSize;
        INDArray patches = pixels.reshape(batch, 3, g, p, g, p)
                .permute(0, 2, 4, 1, 3, 5).dup('c')
                .reshape((long) batch * g * g, 3L * p * p);
        INDArray sequences = Nd4j.createUninitialized(pixels.dataType(), batch, tokens(), width());
        sequences.get(all(), point(0), all()).assign(classEmbedding.reshape(1, width()).broadcast(batch, width()));
        sequences.get(all(), interval(1, tokens()), all())
                .assign(patchEmbedding.forward(patches).reshape(batch, (long) g * g, width()));
        for (int b = 0; b < batch; b++) sequences.slice(b).addi(positionalEmbedding);
        return sequences.reshape((long) batch * tokens(), width());
    }

    /** The transpose of {@link #embed} for gradients: [B · (G² + 1), width] → [B, 3, R, R]. */
    private INDArray unembed(INDArray dx, int batch) {
        int g = grid(), p = patchSize;
        INDArray dPatches = dx.reshape(batch, tokens(), width())
                .get(all(), interval(1, tokens()), all()).dup('c')
                .reshape((long) batch * g * g, width());
        return patchEmbedding.backward(dPatches)
                .reshape(batch, g, g, 3, p, p)
                .permute(0, 3, 1, 4, 2, 5).dup('c')
                .reshape(batch, 3, resolution, resolution);
    }

    /** The batch size of {@code pixels}; throws, naming the shape, unless they are [B, 3, R, R]. */
    public int checkPixels(INDArray pixels) {
        if (pixels.rank() != 4 || pixels.size(1) != 3 || pixels.size(2) != resolution || pixels.size(3) != resolution) {
            throw new IllegalArgumentException("pixels must be [B, 3, " + resolution + ", " + resolution
                    + "], got " + Arrays.toString(pixels.shape()));
        }
        return (int) pixels.size(0);
    }
}
