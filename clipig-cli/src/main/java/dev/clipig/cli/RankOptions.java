package dev.clipig.cli;

import dev.clipig.experiments.BestOfN;
import dev.clipig.experiments.Method;
import picocli.CommandLine.Option;

/** The options of a best-of-N ranking, shared by {@code clipig rank} and the cluster job. */
public final class RankOptions {
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "the ranking's folder under rank/")
    private String name;

    @Option(names = "--text", required = true, paramLabel = "PROMPT", description = "the prompt")
    private String text;

    @Option(names = "--method", paramLabel = "M", defaultValue = "1",
            description = "1, 2 or 3 (default: ${DEFAULT-VALUE})")
    private int method;

    @Option(names = "--runs", converter = PositiveInteger.class, paramLabel = "N", defaultValue = "8",
            description = "seeds to try (default: ${DEFAULT-VALUE})")
    private int runs;

    @Option(names = "--best", paramLabel = "K", defaultValue = "2",
            description = "the best seeds to render fully (default: ${DEFAULT-VALUE})")
    private int best;

    @Option(names = "--short-epochs", converter = PositiveInteger.class, paramLabel = "E", defaultValue = "20",
            description = "epochs of each short run, the method's schedule in brief (default: ${DEFAULT-VALUE})")
    private int shortEpochs;

    @Option(names = "--epochs", converter = PositiveInteger.class, paramLabel = "N", description = "overrides the method's epochs for the full runs")
    private Integer epochs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "the first run's seed; run I has seed S+I (default: ${DEFAULT-VALUE})")
    private long seed;

    /** The ranking these options describe, its results folder not yet set. */
    public BestOfN.Builder ranking() {
        Method chosen = Method.shipped(method);
        return BestOfN.builder()
                .name(name)
                .method(epochs == null ? chosen : chosen.withEpochs(epochs))
                .prompt(text)
                .runs(runs)
                .best(best)
                .shortEpochs(shortEpochs)
                .firstSeed(seed);
    }
}
