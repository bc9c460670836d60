package dev.clipig.clip;

import dev.clipig.ClipigException;
import dev.clipig.clip.runtime.Lanes;
import dev.clipig.clip.runtime.VectorJacobianProduct;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * CLIP models that judge an image together, as pixray's {@code clip_models} do. Each model has a
 * feature space of its own, so features come as one array per model. In a gradient each view of
 * the batch is judged by one model: the batch is dealt in contiguous blocks, one per model, so that
 * an ensemble's step costs about what one model's pass over the batch costs. On the CPU the lanes
 * split the batch as they split one model's, each running the parts of the models' blocks it holds:
 * two models on two cores run side by side, one core each, rather than each splitting its block
 * across the cores, since a small model's pass is mostly per-op overhead, which halving every pass
 * would pay twice per core; and three models still keep both cores equally busy (docs/toy-judge.md
 * has the timings).
 *
 * <p>An ensemble of one model is that model, its batch split across its lanes as ever. The ensemble
 * does not own its models: {@link #close} stops its own lanes only.
 */
public final class ClipEnsemble implements AutoCloseable {
    private final List<ClipModel> models;
    private final Optional<Lanes> lanes;

    private ClipEnsemble(List<ClipModel> models) {
        this.models = List.copyOf(models);
        this.lanes = models.size() > 1 ? Optional.of(Lanes.forThisMachine()) : Optional.empty();
    }

    /**
     * @param models the first is the run's model, in the order the names were given
     * @throws ClipigException when the models take images of different sizes
     */
    public static ClipEnsemble of(List<ClipModel> models) {
        if (models.isEmpty()) throw new IllegalArgumentException("an ensemble needs a model");
        int resolution = models.get(0).imageResolution();
        for (ClipModel m : models) {
            if (m.imageResolution() != resolution) {
                throw new ClipigException("an ensemble's models must take images of one size; they take "
                        + String.join(", ", models.stream().map(x -> x.imageResolution() + " px").toList()));
            }
        }
        return new ClipEnsemble(models);
    }

    /** The ensemble of one model. */
    public static ClipEnsemble of(ClipModel model) {
        return of(List.of(model));
    }

    public List<ClipModel> models() {
        return models;
    }

    public int size() {
        return models.size();
    }

    /** The side of the square images every model takes. */
    public int imageResolution() {
        return models.get(0).imageResolution();
    }

    /** Each model's features of the texts, [B, embed] per model. */
    public List<INDArray> encodeTexts(List<String> texts) {
        return models.stream().map(m -> m.encodeTexts(texts)).toList();
    }

    /** Each model's features of normalized pixels [B, 3, R, R], [B, embed] per model. */
    public List<INDArray> encodeImages(INDArray pixels) {
        return models.stream().map(m -> m.encodeImages(pixels)).toList();
    }

    /** The first view and the end of the views model {@code m} judges in a batch of {@code views}. */
    public long[] viewsOf(int m, long views) {
        int n = models.size();
        return new long[] {views * m / n, views * (m + 1) / n};
    }

    /**
     * The loss gradient a model's backward pass starts from, asked for on the calling thread once
     * every model's forward pass is done, in the models' order (a model without views is skipped).
     */
    @FunctionalInterface
    public interface FeatureGradient {
        /**
         * @param model    the model's index in the ensemble
         * @param features its features of the views it judges (see {@link #viewsOf}), [b, embed]
         * @return d(loss)/d(features), the shape of {@code features}
         */
        INDArray apply(int model, INDArray features);
    }

    /**
     * d(loss)/d(pixels) [B, 3, R, R] for normalized pixels, each view through the model it is dealt
     * to: forward passes, then {@code lossGradient} per model, then backward passes.
     */
    public INDArray imageGradient(INDArray pixels, FeatureGradient lossGradient) {
        models.get(0).checkPixels(pixels);
        if (lanes.isEmpty()) return models.get(0).imageGradient(pixels, f -> lossGradient.apply(0, f)).pixelGradient();
        List<Integer> judging = new ArrayList<>();
        List<Lanes.Segment> segments = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            long[] range = viewsOf(m, pixels.size(0));
            if (range[0] == range[1]) continue;
            judging.add(m);
            segments.add(new Lanes.Segment(models.get(m).imageEncoder(), range[0], range[1]));
        }
        List<VectorJacobianProduct> parts = lanes.get().vjp(pixels, segments, outputs -> {
            List<INDArray> gradients = new ArrayList<>();
            for (int k = 0; k < outputs.size(); k++) gradients.add(lossGradient.apply(judging.get(k), outputs.get(k)));
            return gradients;
        });
        INDArray[] gradients = parts.stream().map(VectorJacobianProduct::inputGradient).toArray(INDArray[]::new);
        return gradients.length == 1 ? gradients[0] : Nd4j.concat(0, gradients);
    }

    /** Stops the ensemble's own lanes; its models stay open. */
    @Override
    public void close() {
        lanes.ifPresent(Lanes::close);
    }
}
