package dev.clipig.core.config;

import java.util.Comparator;
import java.util.List;

/**
 * A post-processing stage: transforms that keep the resolution, applied to the pixels within a time window.
 *
 * @param transforms in the order they run: CLIPig looks each of its transforms up in a stage in
 *                   the order it defines them, so that order counts, not the file's (transforms
 *                   it does not have run after its own, in file order)
 */
public record PostprocSpec(boolean active, TimeWindow window, List<TransformSpec> transforms) {
    private static final List<String> CLIPIG_ORDER = List.of("blur", "resize", "center_crop", "random_crop", "crop",
            "repeat", "pad", "border", "noise", "bwnoise", "rnoise", "fnoise", "edge", "rotate", "random_rotate",
            "random_scale", "random_translate", "shift", "random_shift", "add", "mul", "mean", "clamp", "quantize",
            "saturation", "contrast");

    public PostprocSpec {
        transforms = transforms.stream().sorted(Comparator.comparingInt(PostprocSpec::rank)).toList();
    }

    private static int rank(TransformSpec transform) {
        int rank = CLIPIG_ORDER.indexOf(transform.name());
        return rank >= 0 ? rank : CLIPIG_ORDER.size();
    }
}
