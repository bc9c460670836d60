package dev.clipig.core.config;

import dev.clipig.core.transforms.Size;
import java.util.function.DoublePredicate;

/** A range a numeric parameter's values must lie in, checked at load for constants and per use otherwise. */
public enum ValueCheck {
    ANY("any number", v -> !Double.isNaN(v)),
    NON_NEGATIVE("zero or positive", v -> v >= 0.0),
    POSITIVE("positive", v -> v > 0.0),
    /** A share of something, such as how far toward the middle a corner may move. */
    FRACTION("from 0 to 1", v -> v >= 0.0 && v <= 1.0),
    /** A part of a whole that must not be empty, such as a cutout's side against the image's. */
    SHARE("above 0 and at most 1", v -> v > 0.0 && v <= 1.0),
    /** An image side or a count of pixels along one: within {@link Size#MAX_SIDE}. */
    SIDE("from 1 to " + Size.MAX_SIDE, v -> v >= 1 && v <= Size.MAX_SIDE),
    /** A margin in pixels, such as a padding: within {@link Size#MAX_SIDE}. */
    MARGIN("from 0 to " + Size.MAX_SIDE, v -> v >= 0 && v <= Size.MAX_SIDE),
    /** A kernel's size, which CLIPig rounds up to odd and at least 1 when it blurs: within {@link Size#MAX_SIDE}. */
    KERNEL("at most " + Size.MAX_SIDE, v -> v <= Size.MAX_SIDE),
    /** A target's views per step, which CLIP encodes at once; memory grows with it. */
    BATCH("from 1 to " + ValueCheck.MAX_BATCH, v -> v >= 1 && v <= ValueCheck.MAX_BATCH);

    /** Views CLIP encodes at once in a step ({@code batch_size}): its activations grow with them. */
    public static final int MAX_BATCH = 256;

    private final String description;
    private final DoublePredicate test;

    ValueCheck(String description, DoublePredicate test) {
        this.description = description;
        this.test = test;
    }

    public boolean accepts(double value) {
        return test.test(value);
    }

    /** E.g. "zero or positive", for messages. */
    public String description() {
        return description;
    }
}
