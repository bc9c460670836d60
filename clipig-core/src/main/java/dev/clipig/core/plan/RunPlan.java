package dev.clipig.core.plan;

import dev.clipig.clip.ClipEnsemble;
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
     * Encodes each active target's texts and images with each model of the ensemble; an unreadable
     * image is a one-line error naming it.
     *
     * @param initial the pixels [3, H, W] the run starts from, for {@code feature_scale: fair}
     */
    public static RunPlan of(List<TargetSpec> specs, ClipEnsemble models, INDArray initial) {
        List<TargetPlan> targets = new ArrayList<>();
        List<INDArray> initialFeatures = null;
        for (TargetSpec spec : specs) {
            if (!spec.active()) continue;
            Optional<List<INDArray>> features = features(spec.features(), models);
            double[] scales = new double[spec.features().size()];
            Arrays.fill(scales, 1);
            if (spec.featureScale() == FeatureScale.FAIR && features.isPresent()) {
                if (initialFeatures == null) initialFeatures = models.encodeImages(ViewPlan.wholeImage(initial, models.imageResolution()));
                scales = fairScales(features.get(), initialFeatures);
            }
            targets.add(new TargetPlan(spec, features, scales));
        }
        return new RunPlan(targets, models.imageResolution());
    }

    /**
     * CLIPig's fair scales, computed once before the first step: the similarity s of each unit
     * target feature to CLIP's features of the whole initial image (in an ensemble, the mean over its
     * models), and (1 / s) / max(1 / s).
     */
    private static double[] fairScales(List<INDArray> targets, List<INDArray> initial) {
        double[] similarity = new double[(int) targets.get(0).size(0)];
        for (int m = 0; m < targets.size(); m++) {
            double[] own = ClipModel.normalize(targets.get(m)).mmul(initial.get(m).transpose()).toDoubleVector();
            for (int j = 0; j < own.length; j++) similarity[j] += own[j];
        }
        for (int j = 0; j < similarity.length; j++) similarity[j] /= targets.size();
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

    /**
     * Each model's features of each text (or image) of a target, [F, embed] per model; none for a
     * target of constraints only.
     */
    private static Optional<List<INDArray>> features(List<FeatureSpec> features, ClipEnsemble models) {
        if (features.isEmpty()) return Optional.empty();
        List<List<INDArray>> rows = new ArrayList<>();
        for (FeatureSpec f : features) {
            rows.add(f.text().isPresent() ? models.encodeTexts(List.of(f.text().get()))
                    : FeatureImages.encode(f.image().orElseThrow(), models));
        }
        List<INDArray> perModel = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            int model = m;
            perModel.add(Nd4j.vstack(rows.stream().map(r -> r.get(model)).toArray(INDArray[]::new)));
        }
        return Optional.of(perModel);
    }
}
