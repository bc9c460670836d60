package dev.clipig.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.ClipigException;
import dev.clipig.clip.ClipModel;
import dev.clipig.core.config.ClipigConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Runs whose config names an {@code ensemble}: more models judging the views beside the run's own. */
class EnsembleRenderTest {
    private static final Path FIXTURES = Path.of(System.getProperty("clipig.fixtures", "../fixtures"), "models");
    private static final Path TOY = Path.of("../clip-model/src/main/resources/dev/clipig/clip/models/toy-shapes.safetensors");
    private static ClipModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        model = FixtureModel.load();
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    private static ClipigConfig config(int epochs, String ensemble) {
        return ClipigConfig.parse("""
                epochs: %d
                resolution: 64
                learnrate: 1.0
                snapshot_interval: 0
                %s
                targets:
                  - batch_size: 4
                    features:
                      - text: a red circle on white
                    transforms:
                      - random_shift: -2 2
                      - noise: 0.02
                """.formatted(epochs, ensemble), "ensemble.yaml");
    }

    private List<StepReport> run(ClipigConfig config, Path output) {
        List<StepReport> steps = new ArrayList<>();
        Renderer.builder().config(config).model(model).seed(5).output(output).listener(steps::add).build().run();
        return steps;
    }

    @Test
    void aModelInEnsembleWithItselfRendersWhatItRendersAlone() {
        List<StepReport> alone = run(config(3, ""), dir.resolve("alone.png"));
        List<StepReport> twice = run(config(3, "ensemble: " + FIXTURES.resolve("a.pt")), dir.resolve("twice.png"));
        assertEquals(0, alone.get(2).pixels().sub(twice.get(2).pixels()).amaxNumber().doubleValue(), 1e-6);
        // Each model judges two of the four views: the loss sums them, the similarity averages them.
        for (int epoch = 0; epoch < 3; epoch++) {
            assertEquals(alone.get(epoch).loss(), twice.get(epoch).loss(), 1e-6);
            assertEquals(alone.get(epoch).similarities().get(0)[0], twice.get(epoch).similarities().get(0)[0], 1e-6);
        }
    }

    @Test
    void anEmptyEnsembleIsNone() {
        assertEquals(List.of(), config(1, "ensemble:").ensemble());
    }

    @Test
    void aSecondModelChangesThePixels() {
        INDArray alone = run(config(4, ""), dir.resolve("alone.png")).get(3).pixels();
        INDArray pair = run(config(4, "ensemble: [" + TOY + "]"), dir.resolve("pair.png")).get(3).pixels();
        assertTrue(alone.sub(pair).amaxNumber().doubleValue() > 1e-3, "the toy model's views count");
    }

    @Test
    void anUnknownModelIsAOneLineErrorNamingTheKeyAndWritesNothing() {
        Path output = dir.resolve("never.png");
        ClipigException e = assertThrows(ClipigException.class, () -> run(config(2, "ensemble: [no-such-model]"), output));
        assertTrue(e.getMessage().startsWith("ensemble.yaml: ensemble: unknown model 'no-such-model'"), e.getMessage());
        assertFalse(Files.exists(output));
    }

    @Test
    void aModelOfAnotherImageSizeIsRefusedByName() {
        ClipigException e = assertThrows(ClipigException.class,
                () -> run(config(2, "ensemble: " + FIXTURES.resolve("b.pt")), dir.resolve("never.png")));
        assertEquals("ensemble.yaml: ensemble: an ensemble's models must take images of one size; they take 64 px, 32 px",
                e.getMessage());
    }
}
