package dev.clipig.core.transforms;

/**
 * Where a run stands in one training step: the values that time-varying parameters read.
 *
 * @param epoch          the current epoch, from 0
 * @param epochs         the number of epochs of the run
 * @param learnrate      the learning rate the user sees (before the optimizer's own scaling)
 * @param learnrateScale the learning-rate scale of the step
 * @param resolution     the resolution of the trained pixels
 * @param similarity     the mean similarity (100 × cosine) of the current target, 0 where not known
 */
public record StepState(int epoch, int epochs, double learnrate, double learnrateScale,
                        Size resolution, double similarity) {

    public StepState {
        if (epochs < 1 || epoch < 0) {
            throw new IllegalArgumentException("epoch " + epoch + " of " + epochs + " is not a training step");
        }
    }

    /** The state at the first of {@code epochs} epochs, for tests and one-off evaluations. */
    public static StepState start(int epochs, Size resolution) {
        return new StepState(0, epochs, 1.0, 1.0, resolution, 0.0);
    }

    /** The training progress from 0 to 1; the reference divides by {@code epochs - 1}. */
    public double time() {
        return epoch / (double) Math.max(1, epochs - 1);
    }
}
