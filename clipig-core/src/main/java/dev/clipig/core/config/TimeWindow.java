package dev.clipig.core.config;

import dev.clipig.core.expr.TrainingTime;

/** The {@code start}/{@code end} of a target, feature, constraint or post-processing stage; both inclusive. */
public record TimeWindow(FrameTime start, FrameTime end) {

    /** The whole run, the reference's default {@code start: 0.0}, {@code end: 1.0}. */
    public static final TimeWindow ALWAYS = new TimeWindow(FrameTime.fraction(0.0), FrameTime.fraction(1.0));

    public boolean contains(TrainingTime now) {
        return !start.isAfter(now) && !end.isBefore(now);
    }
}
