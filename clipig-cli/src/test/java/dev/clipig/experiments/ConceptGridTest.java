package dev.clipig.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.clip.ClipModel;
import dev.clipig.core.render.RenderListener;
import dev.clipig.core.render.Renderer;
import dev.clipig.experiments.ConceptImage.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConceptGridTest {
    private static ClipModel model;

    @TempDir
    Path results;

    @BeforeAll
    static void loadModel() {
        model = SmallMethods.model();
    }

    private ConceptGrid grid(Method method) {
        return ConceptGrid.builder().resultsDir(results).methods(List.of(method))
                .animals(List.of("cat", "pig")).things(List.of("basil", "coral-reef")).seed(3).build();
    }

    private Set<String> files() throws IOException {
        try (Stream<Path> all = Files.walk(results)) {
            return all.filter(Files::isRegularFile).map(f -> results.relativize(f).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void writesEveryImageOfTheGridAndSkipsThemTheSecondTime() throws IOException {
        Method method = SmallMethods.method(1, 2);
        Set<String> grid = Set.of("concept/method1/cat-basil.png", "concept/method1/pig-basil.png",
                "concept/method1/cat-coral-reef.png", "concept/method1/pig-coral-reef.png");

        List<ConceptImage> images = grid(method).run(model);

        assertEquals(grid, files(), "the images and nothing else: no partial folder, no checkpoint");
        assertTrue(images.stream().allMatch(i -> i.outcome() == Outcome.RENDERED && Double.isFinite(i.similarity())));

        Path kept = results.resolve("concept/method1/cat-basil.png");
        FileTime written = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(kept, written);
        Files.delete(results.resolve("concept/method1/pig-coral-reef.png"));

        List<ConceptImage> again = grid(method).run(model);

        assertEquals(List.of(Outcome.SKIPPED, Outcome.SKIPPED, Outcome.SKIPPED, Outcome.RENDERED),
                again.stream().map(ConceptImage::outcome).toList());
        assertEquals("pig-coral-reef.png", again.get(3).image().getFileName().toString());
        assertEquals(written, Files.getLastModifiedTime(kept));
        assertEquals(grid, files());
    }

    /** Renders the cat made of basil into the grid's partial folder, as a run the listener may stop leaves it. */
    private Path partialRun(Method method, RenderListener listener) throws IOException {
        Path partial = results.resolve("concept/" + method.name() + "/.partial/cat-basil.png");
        Files.createDirectories(partial.getParent());
        try {
            Renderer.builder().config(method.forPrompt("a cat made of basil")).model(model).seed(3).output(partial)
                    .listener(listener).build().run();
        } catch (Stopped stopped) {
            // the run's first snapshot (pixels and checkpoint) is written before the listener hears of it
        }
        return partial;
    }

    private ConceptGrid catMadeOfBasil(Method method) {
        return ConceptGrid.builder().resultsDir(results).methods(List.of(method))
                .animals(List.of("cat")).things(List.of("basil")).seed(3).build();
    }

    @Test
    void aStoppedImageContinuesFromItsCheckpointAsIfNeverStopped() throws IOException {
        Method method = SmallMethods.method(2, 3);
        Path straight = results.resolve("straight.png");
        Renderer.builder().config(method.forPrompt("a cat made of basil")).model(model).seed(3).output(straight)
                .build().run();
        partialRun(method, step -> {
            if (step.epoch() == 0) throw new Stopped();
        });

        ConceptImage image = catMadeOfBasil(method).run(model).get(0);

        assertEquals(Outcome.RESUMED, image.outcome());
        assertTrue(Double.isFinite(image.similarity()));
        assertArrayEquals(Files.readAllBytes(straight), Files.readAllBytes(image.image()));
        assertFalse(Files.exists(results.resolve("concept/method2/.partial")));
    }

    @Test
    void aFinishedPartialRunIsMovedIntoPlaceWithoutAnotherStep() throws IOException {
        Method method = SmallMethods.method(2, 2);
        byte[] finished = Files.readAllBytes(partialRun(method, step -> { }));

        ConceptImage image = catMadeOfBasil(method).run(model).get(0);

        assertEquals(Outcome.RESUMED, image.outcome());
        assertTrue(Double.isNaN(image.similarity()), "no step should have run, the checkpoint says it is done");
        assertArrayEquals(finished, Files.readAllBytes(image.image()));
    }

    /** Stops a render from its listener, as a killed process would, after the step's snapshot. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
