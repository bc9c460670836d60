package dev.clipig.cli;

import dev.clipig.experiments.ConceptGrid;
import dev.clipig.experiments.ConceptImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clipig concept RESULTS_DIR}: the concept-transfer grid, "a {animal} made of {thing}". */
@Command(name = "concept", mixinStandardHelpOptions = true,
        description = {"Renders \"a ANIMAL made of THING\" for every animal, thing and method into"
                + " RESULTS_DIR/concept/methodM/ANIMAL-THING.png, one line per image.",
            "Images already there are skipped and a stopped image continues from its checkpoint,"
                + " so the grid can be stopped and started again at will."})
public final class ConceptCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "the results folder")
    private Path resultsDir;

    @Mixin
    private ModelOption model;

    @Mixin
    private ConceptOptions options;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        ConceptGrid grid = options.grid()
                .resultsDir(resultsDir)
                .listener(this::report)
                .build();
        Map<ConceptImage.Outcome, Long> outcomes = grid.run(model.load()).stream()
                .collect(Collectors.groupingBy(ConceptImage::outcome, Collectors.counting()));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("done: %d rendered, %d resumed, %d skipped%n",
                outcomes.getOrDefault(ConceptImage.Outcome.RENDERED, 0L),
                outcomes.getOrDefault(ConceptImage.Outcome.RESUMED, 0L),
                outcomes.getOrDefault(ConceptImage.Outcome.SKIPPED, 0L));
        out.flush();
        return 0;
    }

    private void report(int position, int total, ConceptImage image) {
        String file = resultsDir.relativize(image.image()).toString();
        String outcome = switch (image.outcome()) {
            case SKIPPED -> "exists, skipped";
            case RENDERED -> String.format(Locale.ROOT, "rendered: sim %.2f (%.1f s)", image.similarity(),
                    image.seconds());
            case RESUMED -> Double.isNaN(image.similarity()) ? "finished from its checkpoint"
                    : String.format(Locale.ROOT, "resumed: sim %.2f (%.1f s)", image.similarity(), image.seconds());
        };
        PrintWriter out = spec.commandLine().getOut();
        out.printf("[%d/%d] %s %s%n", position, total, file, outcome);
        out.flush();
    }
}
