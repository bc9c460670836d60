package dev.clipig.core.config;

import dev.clipig.core.transforms.RandomTransform;
import dev.clipig.core.transforms.Transform;
import java.util.function.Function;

/**
 * A transform as configs name it: its schema, its class and how to make it from the configured
 * parameters.
 */
public record TransformOp(OpSchema schema, Class<? extends Transform> type, Function<OpArgs, Transform> factory) {

    public String name() {
        return schema.name();
    }

    /** Whether it changes the resolution (then it cannot post-process). */
    public boolean resizes() {
        return schema.resizes();
    }

    /** Whether it draws per image, so that a batch sees different versions of the image. */
    public boolean random() {
        return RandomTransform.class.isAssignableFrom(type);
    }
}
