package dev.clipig.core.plan;

import dev.clipig.clip.ClipModel;
import dev.clipig.core.config.FeatureScale;
import dev.clipig.core.config.FeatureSpec;
import dev.clipig.core.config.TargetSpec;
import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a config asks CLIP for, prepared before the first step: the active targets with their
 * features encoded once; at each training resolution, their views.
 */
public record RunPlan(List<TargetPlan> targets, int modelResolution) {

    public RunPlan {
        targets = List.copyOf(targets);
    }

    /**
     * Encodes each active target's texts and images; an unreadable image is a one-line error naming it.
     *
     * @param initial the pixels [3, H, W] the run starts from, for {@code feature_scale: fair}
     */
    public static RunPlan of(List<TargetSpec> specs, ClipModel model, INDArray initial) {
        List<TargetPlan> targets = new ArrayList<>();
        INDArray initialFeatures = null;
        for (TargetSpec spec : specs) {
            if (!spec.active()) continue;
            Optional<INDArray> features = features(spec.features(), model);
            double[] scales = new double[spec.features().size()];
            Arrays.fill(scales, 1);
            if (spec.featureScale() == FeatureScale.FAIR && features.isPresent()) {
                if (initialFeatures == null) initialFeatures = model.encodeImages(ViewPlan.wholeImage(initial, model.imageResolution()));
                scales = fairScales(features.get(), initialFeatures);
            }
            targets.add(new TargetPlan(spec, features, scales));
        }
        return new RunPlan(targets, model.imageResolution());
    }

    /**
     * CLIPig's fair scales, computed once before the first step: the similarity s of each unit
     * target feature to CLIP's features of the whole initial image, and (1 / s) / max(1 / s).
     */
    private static double[] fairScales(INDArray targets, INDArray initial) {
        double[] similarity = ClipModel.normalize(targets).mmul(initial.transpose()).toDoubleVector();
        double[] scales = Arrays.stream(similarity).map(s -> 1 / s).toArray();
        double max = Arrays.stream(scales).max().orElse(1);
        return Arrays.stream(scales).map(s -> s / max).toArray();
    }

    /**
     * Each target's views at a new training resolution, in the order of {@link #targets}.
     *
     * @param atBuild the step at which the run reaches that resolution, for size parameters
     */
    public List<ViewPlan> views(Size image, Step atBuild) {
        return targets.stream().map(t -> ViewPlan.of(t.spec(), image, modelResolution, atBuild)).toList();
    }

    /** The features of each text (or image) of a target, [F, embed]; none for a target of constraints only. */
    private static Optional<INDArray> features(List<FeatureSpec> features, ClipModel model) {
        if (features.isEmpty()) return Optional.empty();
        List<INDArray> rows = new ArrayList<>();
        for (FeatureSpec f : features) {
            if (f.text().isPresent()) {
                rows.add(model.encodeTexts(List.of(f.text().get())));
            } else {
                rows.add(FeatureImages.encode(f.image().orElseThrow(), model));
            }
        }
        return Optional.of(Nd4j.vstack(rows.toArray(INDArray[]::new)));
    }
}
