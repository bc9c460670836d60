package dev.clipig.core.plan;

import dev.clipig.core.config.TargetSpec;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One active target, ready to train: its config and CLIP's features of its texts and images.
 *
 * @param features per model of the ensemble, [F, embed], one row per feature of the spec; empty when
 *                 the target has only constraints (CLIPig allows that: its loss is then the constraints' alone)
 * @param featureScales the factor of each feature's similarity from {@code feature_scale}: 1 for
 *                      {@code equal}, for {@code fair} computed from the initial image
 */
public record TargetPlan(TargetSpec spec, Optional<List<INDArray>> features, double[] featureScales) {

    public TargetPlan {
        features = features.map(List::copyOf);
        featureScales = featureScales.clone();
    }

    @Override
    public double[] featureScales() {
        return featureScales.clone();
    }
}
