package dev.clipig.core.config;

import java.util.List;

/** A post-processing stage: transforms that keep the resolution, applied to the pixels within a time window. */
public record PostprocSpec(boolean active, TimeWindow window, List<TransformSpec> transforms) {

    public PostprocSpec {
        transforms = List.copyOf(transforms);
    }
}
