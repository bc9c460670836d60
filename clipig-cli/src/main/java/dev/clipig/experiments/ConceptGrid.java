package dev.clipig.experiments;

import dev.clipig.clip.ClipModel;
import dev.clipig.core.render.RenderResult;
import dev.clipig.core.render.Renderer;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    private static final String PARTIAL = ".partial";

    private final Path resultsDir;
    private final List<Method> methods;
    private final List<Concept> concepts;
    private final long seed;
    private final ConceptListener listener;

    private ConceptGrid(Builder b) {
        this.resultsDir = Objects.requireNonNull(b.resultsDir, "resultsDir");
        this.methods = b.methods != null ? b.methods : List.of(Method.shipped(1), Method.shipped(2));
        if (methods.isEmpty()) throw new ExperimentException("no method to render with");
        if (methods.stream().map(Method::name).distinct().count() < methods.size()) {
            throw new ExperimentException("two methods share a name: " + methods.stream().map(Method::name).toList());
        }
        List<String> animals = distinct("animals", b.animals);
        List<Concept> grid = new ArrayList<>();
        for (String thing : distinct("things", b.things)) {
            for (String animal : animals) grid.add(new Concept(animal, thing));
        }
        this.concepts = List.copyOf(grid);
        this.seed = b.seed;
        this.listener = b.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The images, thing by thing and each with every method, in the order they were visited. */
    public List<ConceptImage> run(ClipModel model) {
        Objects.requireNonNull(model, "model");
        int total = concepts.size() * methods.size();
        List<ConceptImage> images = new ArrayList<>(total);
        for (Concept concept : concepts) {
            for (Method method : methods) {
                ConceptImage image = render(model, method, concept);
                images.add(image);
                listener.onImage(images.size(), total, image);
            }
        }
        return images;
    }

    private ConceptImage render(ClipModel model, Method method, Concept concept) {
        Path image = resultsDir.resolve("concept").resolve(method.name()).resolve(concept.fileName());
        if (Files.exists(image)) {
            return new ConceptImage(method.name(), concept, image, ConceptImage.Outcome.SKIPPED, Double.NaN, 0);
        }
        Path partial = image.resolveSibling(PARTIAL).resolve(concept.fileName());
        Path checkpoint = Renderer.checkpointOf(partial);
        boolean resuming = Files.exists(checkpoint);
        createDirectories(partial.getParent());
        RenderResult result = Renderer.builder().config(method.forPrompt(concept.prompt())).model(model).seed(seed)
                .output(partial).resume(true).build().run();
        try {
            Files.move(partial, image, StandardCopyOption.ATOMIC_MOVE);
            // A finished image needs no checkpoint, and a grid's worth of them would outweigh the images.
            Files.deleteIfExists(checkpoint);
        } catch (IOException e) {
            throw new ExperimentException("cannot move " + partial + " to " + image + ": " + e.getMessage(), e);
        }
        removeIfEmpty(partial.getParent());
        double similarity = result.lastStep() == null ? Double.NaN : result.lastStep().meanSimilarity();
        return new ConceptImage(method.name(), concept, image,
                resuming ? ConceptImage.Outcome.RESUMED : ConceptImage.Outcome.RENDERED, similarity, result.seconds());
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ExperimentException("cannot create the folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void removeIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException stillInUse) {
            // another image's stopped run waits there
        } catch (IOException e) {
            throw new ExperimentException("cannot remove the folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<String> distinct(String what, List<String> names) {
        if (names.isEmpty()) throw new ExperimentException("no " + what + " to render");
        return List.copyOf(new LinkedHashSet<>(names));
    }

    /** Options of a grid; {@link #resultsDir} is required. */
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
