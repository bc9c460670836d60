package dev.clipig.experiments;

/** Hears of each run of a best-of-N ranking as it finishes. */
@FunctionalInterface
public interface RankListener {
    void onRun(BestOfN.Stage stage, RankedSeed run, double seconds);
}
