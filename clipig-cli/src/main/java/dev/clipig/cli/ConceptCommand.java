package dev.clipig.cli;

import dev.clipig.experiments.ConceptGrid;
import dev.clipig.experiments.ConceptImage;
import dev.clipig.experiments.Method;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = "--animals", split = ",", paramLabel = "ANIMAL", description = "only these animals (default: "
            + "cat, elephant, hedgehog, kangaroo, peacock, penguin, pig, snail, tapir)")
    private List<String> animals;

    @Option(names = "--things", split = ",", paramLabel = "THING",
            description = "only these things (default: all 40, accordion to watermelon)")
    private List<String> things;

    @Option(names = "--methods", split = ",", paramLabel = "M", defaultValue = "1,2",
            description = "the methods, 1 and/or 2 (default: ${DEFAULT-VALUE})")
    private List<Integer> methods;

    @Option(names = "--epochs", converter = PositiveInteger.class, paramLabel = "N", description = "overrides the methods' epochs")
    private Integer epochs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "the random seed of every image (default: ${DEFAULT-VALUE})")
    private long seed;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        ConceptGrid grid = ConceptGrid.builder()
                .resultsDir(resultsDir)
                .animals(among("animal", animals, ConceptGrid.ANIMALS))
                .things(among("thing", things, ConceptGrid.THINGS))
                .methods(methods.stream().map(number -> {
                    Method method = Method.shipped(number);
                    return epochs == null ? method : method.withEpochs(epochs);
                }).toList())
                .seed(seed)
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

    /** The options narrow the grid; a name outside it is more likely a typo than a wish. */
    private static List<String> among(String what, List<String> chosen, List<String> all) {
        if (chosen == null) return all;
        for (String name : chosen) {
            if (!all.contains(name)) {
                throw new BadInputException("--" + what + "s: unknown " + what + " '" + name + "'; the " + what
                        + "s are " + String.join(",", all));
            }
        }
        return chosen;
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
