package dev.clipig.spark;

import dev.clipig.core.render.RenderListener;
import dev.clipig.core.render.StepReport;
import java.util.Arrays;

/** Hears a render's steps and keeps the mean similarity after each, for the results' rows. */
final class StepSimilarities implements RenderListener {
    private double[] similarities = new double[0];

    /** The mean 100 × cosine similarity after each step heard so far. */
    double[] values() {
        return similarities.clone();
    }

    @Override
    public void onStep(StepReport report) {
        similarities = Arrays.copyOf(similarities, similarities.length + 1);
        similarities[similarities.length - 1] = report.meanSimilarity();
    }
}
