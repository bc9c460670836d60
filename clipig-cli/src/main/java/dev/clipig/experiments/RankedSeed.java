package dev.clipig.experiments;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One run of a best-of-N ranking: its seed, its similarity after the short run and, if it was
 * among the best, after the full run. Similarities are 100 × cosine, as the renderer reports them.
 */
public record RankedSeed(String run, long seed, double simShort, OptionalDouble simFull) {

    /** The header of {@code ranking.csv}, whose rows are {@link #csvRow()}. */
    public static final String CSV_HEADER = "run,seed,sim_short,sim_full";

    /** The continued runs by their final similarity, then the others, which ranked below them, by the short one. */
    public static final Comparator<RankedSeed> BEST_FIRST = Comparator
            .comparing((RankedSeed r) -> r.simFull().isEmpty())
            .thenComparing(r -> -r.simFull().orElse(0))
            .thenComparing(r -> -r.simShort());

    /** The run with its short run's similarity. */
    public RankedSeed withShort(double similarity) {
        return new RankedSeed(run, seed, similarity, simFull);
    }

    /** The run with its full run's similarity. */
    public RankedSeed withFull(double similarity) {
        return new RankedSeed(run, seed, simShort, OptionalDouble.of(similarity));
    }

    /** {@code ranking.csv}: the header and the runs, {@link #BEST_FIRST}. */
    public static String csv(List<RankedSeed> runs) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        runs.stream().sorted(BEST_FIRST).forEach(run -> csv.append(run.csvRow()).append('\n'));
        return csv.toString();
    }

    /** {@code run,seed,sim_short,sim_full}, {@code sim_full} empty for a run not continued. */
    public String csvRow() {
        return String.format(Locale.ROOT, "%s,%d,%.4f,%s", run, seed, simShort,
                simFull.isPresent() ? String.format(Locale.ROOT, "%.4f", simFull.getAsDouble()) : "");
    }
}
