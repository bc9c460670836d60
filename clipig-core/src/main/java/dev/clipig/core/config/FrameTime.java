package dev.clipig.core.config;

import dev.clipig.core.expr.TrainingTime;

/**
 * A point of the run as the reference writes it: an int is an epoch, a float in [0, 1] a fraction of
 * the run, {@code NN%} a percentage (stored as a fraction). Fractions compare with the reference's
 * {@code time} ({@link TrainingTime#fraction()}), epochs with the epoch.
 */
public record FrameTime(double value, boolean isFraction) {

    public FrameTime {
        if (isFraction ? !(value >= 0.0 && value <= 1.0) : !(value >= 0 && value == Math.rint(value))) {
            throw new IllegalArgumentException(isFraction ? "fraction outside [0, 1]: " + value
                    : "not an epoch: " + value);
        }
    }

    public static FrameTime epoch(int epoch) {
        return new FrameTime(epoch, false);
    }

    public static FrameTime fraction(double fraction) {
        return new FrameTime(fraction, true);
    }

    /** Whether this point lies after the current step. */
    public boolean isAfter(TrainingTime now) {
        return isFraction ? value > now.fraction() : value > now.epoch();
    }

    /** Whether this point lies before the current step. */
    public boolean isBefore(TrainingTime now) {
        return isFraction ? value < now.fraction() : value < now.epoch();
    }

    @Override
    public String toString() {
        return isFraction ? value * 100.0 + "%" : String.valueOf((long) value);
    }
}
