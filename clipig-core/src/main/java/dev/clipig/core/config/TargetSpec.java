package dev.clipig.core.config;

import java.util.List;

/**
 * A target: a batch of transformed views of the image, compared with its features and constrained by its
 * constraints.
 *
 * @param weight multiplies all feature and constraint weights; may use the mean {@code similarity}
 */
public record TargetSpec(boolean active, String name, TimeWindow window, Param weight, int batchSize,
                         SelectMode select, FeatureScale featureScale, List<FeatureSpec> features,
                         List<TransformSpec> transforms, List<ConstraintSpec> constraints) {

    public TargetSpec {
        features = List.copyOf(features);
        transforms = List.copyOf(transforms);
        constraints = List.copyOf(constraints);
    }
}
