package dev.clipig.experiments;

import dev.clipig.clip.ClipModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Concept transfer: "a {animal} made of {thing}" for every animal, thing and method, written to
 * {@code <results>/concept/<method>/<animal>-<thing>.png}.
 *
 * <p>A long grid can be stopped at any time and started again: images already in place are
 * skipped, and an image that was being rendered continues from its last checkpoint. A run renders
 * into {@code concept/<method>/.partial/} and its image moves into the method's folder only when
 * it is finished, so whatever is there is complete, and the gallery never shows a half-made image.
 *
 * <pre>{@code
 * List<ConceptImage> images = ConceptGrid.builder()
 *         .resultsDir(Path.of("results"))
 *         .animals(List.of("cat", "snail"))
 *         .listener((i, n, image) -> System.out.println(i + "/" + n + " " + image.image()))
 *         .build()
 *         .run(ClipModel.load(Path.of("ViT-B-32.safetensors")));
 * }</pre>
 */
public final class ConceptGrid {
    public static final List<String> ANIMALS = List.of("cat", "elephant", "hedgehog", "kangaroo", "peacock",
            "penguin", "pig", "snail", "tapir");

    public static final List<String> THINGS = List.of("accordion", "basil", "beetroot", "burger", "cabbage", "cake",
            "calamari", "carrot", "coral-reef", "corkscrew", "cuckoo-clock", "eraser", "faucet", "fried-chicken",
            "gourd", "grater", "harmonica", "harp", "hospital", "lotus-root", "lychee", "maple-leaf", "meatloaf",
            "motorcycle", "mushroom", "peace", "piano", "pickle", "pizza", "polygons", "raspberry", "rosemary",
            "russian-doll", "salami", "taco", "tank", "toaster", "violin", "waffle", "watermelon");

    private final Path resultsDir;
    private final List<ConceptTask> tasks;
    private final ConceptListener listener;

    private ConceptGrid(Builder b) {
        this.resultsDir = b.resultsDir;
        List<Method> methods = b.methods != null ? b.methods : List.of(Method.shipped(1), Method.shipped(2));
        if (methods.isEmpty()) throw new ExperimentException("no method to render with");
        if (methods.stream().map(Method::name).distinct().count() < methods.size()) {
            throw new ExperimentException("two methods share a name: " + methods.stream().map(Method::name).toList());
        }
        List<String> animals = distinct("animals", b.animals);
        List<ConceptTask> grid = new ArrayList<>();
        for (String thing : distinct("things", b.things)) {
            for (String animal : animals) {
                for (Method method : methods) grid.add(new ConceptTask(method, new Concept(animal, thing), b.seed));
            }
        }
        this.tasks = List.copyOf(grid);
        this.listener = b.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The tasks, thing by thing and each with every method, in the order {@link #run} visits them. */
    public List<ConceptTask> tasks() {
        return tasks;
    }

    /** Renders every task into the results folder; returns the images in the order they were visited. */
    public List<ConceptImage> run(ClipModel model) {
        Objects.requireNonNull(model, "model");
        Path dir = Objects.requireNonNull(resultsDir, "resultsDir");
        List<ConceptImage> images = new ArrayList<>(tasks.size());
        for (ConceptTask task : tasks) {
            ConceptImage image = task.render(model, dir, step -> { });
            images.add(image);
            listener.onImage(images.size(), tasks.size(), image);
        }
        return images;
    }

    private static List<String> distinct(String what, List<String> names) {
        if (names.isEmpty()) throw new ExperimentException("no " + what + " to render");
        return List.copyOf(new LinkedHashSet<>(names));
    }

    /** Options of a grid; {@link #resultsDir} is required to {@link #run} it. */
    public static final class Builder {
        private Path resultsDir;
        private List<Method> methods;
        private List<String> animals = ANIMALS;
        private List<String> things = THINGS;
        private long seed;
        private ConceptListener listener = (position, total, image) -> { };

        public Builder resultsDir(Path value) {
            this.resultsDir = value;
            return this;
        }

        /** The methods, each writing to the folder of its name; by default the shipped methods 1 and 2. */
        public Builder methods(List<Method> value) {
            this.methods = List.copyOf(value);
            return this;
        }

        /** By default {@link #ANIMALS}. */
        public Builder animals(List<String> value) {
            this.animals = List.copyOf(value);
            return this;
        }

        /** By default {@link #THINGS}. */
        public Builder things(List<String> value) {
            this.things = List.copyOf(value);
            return this;
        }

        /** One seed for every image, so that images differ only by their prompt and method. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder listener(ConceptListener value) {
            this.listener = Objects.requireNonNull(value);
            return this;
        }

        public ConceptGrid build() {
            return new ConceptGrid(this);
        }
    }
}
