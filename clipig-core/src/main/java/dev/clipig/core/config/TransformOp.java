package dev.clipig.core.config;

import dev.clipig.core.transforms.RandomTransform;
import dev.clipig.core.transforms.Transform;
import java.util.Set;
import java.util.function.Function;

/**
 * A transform as configs name it: its schema, its class and how to make it from the configured
 * parameters.
 */
public record TransformOp(OpSchema schema, Class<? extends Transform> type, Function<OpArgs, Transform> factory) {
    private static final Set<String> DRAWN_BUT_NOT_COUNTED = Set.of("random_crop", "random_scale", "random_shift",
            "random_translate");


    public String name() {
        return schema.name();
    }

    /** Whether it changes the resolution (then it cannot post-process). */
    public boolean resizes() {
        return schema.resizes();
    }

    /**
     * Whether it makes a target show CLIP {@code batch_size} views per step. CLIPig counts only the
     * transforms it marks random, its noises and {@code random_rotate}; its random crop, scale,
     * shift and translate draw anew for each view but do not count. Our own random transforms count.
     */
    public boolean random() {
        return RandomTransform.class.isAssignableFrom(type) && !DRAWN_BUT_NOT_COUNTED.contains(name());
    }
}
