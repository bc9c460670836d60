package dev.clipig.cli;

import dev.clipig.experiments.BestOfN;
import dev.clipig.experiments.Method;
import dev.clipig.experiments.RankedSeed;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clipig rank RESULTS_DIR --name NAME --text PROMPT}: best of N seeds. */
@Command(name = "rank", mixinStandardHelpOptions = true,
        description = {"Renders PROMPT with N seeds for a few epochs each, ranks them by similarity and renders"
                + " the best K for the method's full epochs.",
            "Writes RESULTS_DIR/rank/NAME/run-I.png and ranking.csv (run,seed,sim_short,sim_full)."})
public final class RankCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "the results folder")
    private Path resultsDir;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "the ranking's folder under rank/")
    private String name;

    @Option(names = "--text", required = true, paramLabel = "PROMPT", description = "the prompt")
    private String text;

    @Mixin
    private ModelOption model;

    @Option(names = "--method", paramLabel = "M", defaultValue = "1",
            description = "1 or 2 (default: ${DEFAULT-VALUE})")
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

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Method chosen = Method.shipped(method);
        BestOfN ranking = BestOfN.builder()
                .resultsDir(resultsDir)
                .name(name)
                .method(epochs == null ? chosen : chosen.withEpochs(epochs))
                .prompt(text)
                .runs(runs)
                .best(best)
                .shortEpochs(shortEpochs)
                .firstSeed(seed)
                .listener(this::report)
                .build();
        List<RankedSeed> ranked = ranking.run(model.load());
        PrintWriter out = spec.commandLine().getOut();
        RankedSeed top = ranked.get(0);
        out.printf(Locale.ROOT, "best: %s (seed %d), sim %.2f; wrote %s%n", top.run(), top.seed(),
                top.simFull().orElse(top.simShort()), ranking.dir().resolve("ranking.csv"));
        out.flush();
        return 0;
    }

    private void report(BestOfN.Stage stage, RankedSeed run, double seconds) {
        double similarity = stage == BestOfN.Stage.FULL ? run.simFull().orElseThrow() : run.simShort();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-5s %s seed %d: sim %.2f (%.1f s)%n", stage.name().toLowerCase(Locale.ROOT),
                run.run(), run.seed(), similarity, seconds);
        out.flush();
    }
}
