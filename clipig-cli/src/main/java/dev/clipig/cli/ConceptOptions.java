package dev.clipig.cli;

import dev.clipig.experiments.ConceptGrid;
import dev.clipig.experiments.Method;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that choose a concept grid, shared by {@code clipig concept} and the cluster job. */
public final class ConceptOptions {
    @Option(names = "--animals", split = ",", paramLabel = "ANIMAL", description = "only these animals (default: "
            + "cat, elephant, hedgehog, kangaroo, peacock, penguin, pig, snail, tapir)")
    private List<String> animals;

    @Option(names = "--things", split = ",", paramLabel = "THING",
            description = "only these things (default: all 40, accordion to watermelon)")
    private List<String> things;

    @Option(names = "--methods", split = ",", paramLabel = "M", defaultValue = "1,2",
            description = "the methods, any of 1, 2 and 3 (default: ${DEFAULT-VALUE})")
    private List<Integer> methods;

    @Option(names = "--epochs", converter = PositiveInteger.class, paramLabel = "N", description = "overrides the methods' epochs")
    private Integer epochs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "the random seed of every image (default: ${DEFAULT-VALUE})")
    private long seed;

    /** The grid these options choose, its results folder not yet set. */
    public ConceptGrid.Builder grid() {
        return ConceptGrid.builder()
                .animals(among("animal", animals, ConceptGrid.ANIMALS))
                .things(among("thing", things, ConceptGrid.THINGS))
                .methods(methods.stream().map(number -> {
                    Method method = Method.shipped(number);
                    return epochs == null ? method : method.withEpochs(epochs);
                }).toList())
                .seed(seed);
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
}
