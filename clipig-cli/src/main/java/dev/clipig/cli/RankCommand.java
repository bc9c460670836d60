package dev.clipig.cli;

import dev.clipig.experiments.BestOfN;
import dev.clipig.experiments.RankedSeed;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

    @Mixin
    private RankOptions options;

    @Mixin
    private ModelOption model;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        BestOfN ranking = options.ranking()
                .resultsDir(resultsDir)
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
