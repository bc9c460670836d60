package dev.clipig.core.expr;

/**
 * Where a run stands: epoch {@code epoch} (from zero) of {@code epochs}.
 *
 * @param epoch  the current epoch, {@code 0 <= epoch}
 * @param epochs the number of epochs of the run, at least 1
 */
public record TrainingTime(int epoch, int epochs) {

    public TrainingTime {
        if (epochs < 1 || epoch < 0) {
            throw new IllegalArgumentException("need 0 <= epoch and 1 <= epochs, got epoch " + epoch
                    + " of " + epochs);
        }
    }

    /** The reference's {@code time}: 0 at the first epoch, 1 at the last. */
    public double fraction() {
        return (double) epoch / Math.max(1, epochs - 1);
    }
}
