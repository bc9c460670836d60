package dev.clipig.core.render;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a listener learns after each step.
 *
 * @param epoch        the step just done, from 0
 * @param epochs       the run's number of steps
 * @param loss         the total loss of the step
 * @param similarities per active target, per feature: the batch's mean 100 × cosine similarity
 * @param learnrate    the optimizer's learning rate of the step
 * @param seconds      seconds since the run started (this process)
 * @param pixels       the image after the step, [3, H, W] in [0, 1]; a copy the listener may keep
 */
public record StepReport(int epoch, int epochs, double loss, List<double[]> similarities, double learnrate,
                         double seconds, INDArray pixels) {

    /** The mean over targets and features of {@link #similarities}, the headline number. */
    public double meanSimilarity() {
        return similarities.stream().flatMapToDouble(java.util.Arrays::stream).average().orElse(Double.NaN);
    }

    /** Estimated seconds left, from the pace so far. */
    public double etaSeconds(int startEpoch) {
        int done = epoch + 1 - startEpoch;
        return done <= 0 ? Double.NaN : seconds / done * (epochs - epoch - 1);
    }
}
