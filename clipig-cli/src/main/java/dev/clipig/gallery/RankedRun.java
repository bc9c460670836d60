package dev.clipig.gallery;

import java.util.Comparator;
import java.util.OptionalDouble;

/**
 * One run of a ranking: its similarity after the short run, and after the full run if it was
 * among those continued.
 *
 * @param image the run's image relative to the results folder, or {@code null} if there is none
 */
record RankedRun(String run, long seed, double simShort, OptionalDouble simFull, String image) {

    /**
     * Best first: the continued runs by their final similarity, then the others by their short
     * one, since a run left at the short stage was ranked below every continued run.
     */
    static final Comparator<RankedRun> BEST_FIRST = Comparator
            .comparing((RankedRun r) -> r.simFull().isEmpty())
            .thenComparing(r -> -r.simFull().orElse(0))
            .thenComparing(r -> -r.simShort());
}
