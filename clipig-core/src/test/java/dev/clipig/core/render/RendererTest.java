package dev.clipig.core.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.clip.ClipModel;
import dev.clipig.core.config.ClipigConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Whole runs on the small fixture CLIP {@code a} (64 px input, OpenAI's vocabulary). */
class RendererTest {
    private static ClipModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        model = FixtureModel.load();
    }

    /** A small run: 64 px, mild augmentation, so that a few dozen steps move the similarity. */
    private static ClipigConfig small(int epochs) {
        return ClipigConfig.parse(smallYaml(epochs), "small.yaml");
    }

    private static String smallYaml(int epochs) {
        return """
                epochs: %d
                resolution: 64
                optimizer: rmsprob
                learnrate: 1.0
                snapshot_interval: 1
                init:
                  mean: 0.5
                  std: 0.1
                targets:
                  - batch_size: 2
                    features:
                      - text: a cat made of salami
                    transforms:
                      - random_shift: -2 2
                      - noise: 0.02
                """.formatted(epochs);
    }

    private List<StepReport> run(ClipigConfig config, long seed, Path output, boolean resume) {
        List<StepReport> steps = new ArrayList<>();
        Renderer.builder().config(config).model(model).seed(seed).output(output).resume(resume)
                .listener(steps::add).build().run();
        return steps;
    }

    @Test
    void similarityToThePromptRises() {
        List<StepReport> steps = run(small(30), 1, dir.resolve("rise.png"), false);
        assertEquals(30, steps.size());
        double first = steps.get(0).meanSimilarity(), last = steps.get(29).meanSimilarity();
        assertTrue(last > first + 5, "similarity went from " + first + " to " + last);
    }

    @Test
    void theSameSeedGivesTheSamePixelsAndAnotherSeedOthers() {
        INDArray a = run(small(3), 7, dir.resolve("a.png"), false).get(2).pixels();
        INDArray b = run(small(3), 7, dir.resolve("b.png"), false).get(2).pixels();
        INDArray c = run(small(3), 8, dir.resolve("c.png"), false).get(2).pixels();
        assertEquals(0, a.sub(b).amaxNumber().doubleValue());
        assertTrue(a.sub(c).amaxNumber().doubleValue() > 1e-3);
    }

    @Test
    void aKilledRunResumesFromItsCheckpointAsIfNeverStopped() {
        INDArray straight = run(small(6), 3, dir.resolve("straight.png"), false).get(5).pixels();

        Path output = dir.resolve("killed.png");
        RuntimeException kill = new RuntimeException("killed");
        assertThrows(RuntimeException.class, () -> Renderer.builder().config(small(6)).model(model).seed(3)
                .output(output).listener(step -> {
                    if (step.epoch() == 3) throw kill;
                }).build().run());
        assertTrue(Files.exists(Checkpoint.beside(output).path()));
        List<StepReport> rest = run(small(6), 3, output, true);
        assertEquals(4, rest.get(0).epoch(), "continues after the last checkpointed epoch");
        assertEquals(0, straight.sub(rest.get(rest.size() - 1).pixels()).amaxNumber().doubleValue(), 1e-6);
    }

    /** CLIPig's expressions see Python's random module; here the run's seed and the epoch seed it. */
    @Test
    void randomExpressionsDrawEveryEpochFromTheRunsSeed() {
        ClipigConfig config = ClipigConfig.parse(smallYaml(4).replace("learnrate: 1.0", "learnrate: uniform(0.5, 1.5)"),
                "random.yaml");
        List<Double> a = run(config, 5, dir.resolve("a.png"), false).stream().map(StepReport::learnrate).toList();
        List<Double> b = run(config, 5, dir.resolve("b.png"), false).stream().map(StepReport::learnrate).toList();
        List<Double> c = run(config, 6, dir.resolve("c.png"), false).stream().map(StepReport::learnrate).toList();
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(4, Set.copyOf(a).size(), "a new draw every epoch: " + a);

        Path output = dir.resolve("resumed.png");
        assertThrows(RuntimeException.class, () -> Renderer.builder().config(config).model(model).seed(5)
                .output(output).listener(step -> {
                    if (step.epoch() == 1) throw new RuntimeException("killed");
                }).build().run());
        List<Double> resumed = run(config, 5, output, true).stream().map(StepReport::learnrate).toList();
        assertEquals(a.subList(2, 4), resumed, "a resumed run draws what it would have");
    }

    @Test
    void resumingWithAnotherSeedIsAOneLineError() {
        Path output = dir.resolve("seeded.png");
        run(small(2), 1, output, false);
        RenderException e = assertThrows(RenderException.class, () -> run(small(2), 2, output, true));
        assertTrue(e.getMessage().contains("seed 1"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aConstraintAndAPostprocStageShapeTheImage() {
        ClipigConfig config = ClipigConfig.parse("""
                epochs: 8
                resolution: 64
                optimizer: rmsprob
                learnrate: 5
                init:
                  mean: 0.5
                  std: 0.2
                targets:
                  - batch_size: 1
                    features:
                      - text: a cat
                        weight: 0
                    constraints:
                      - mean:
                          below: 0.2
                          weight: 100
                postproc:
                  - blur:
                      kernel_size: 5
                """, "shape.yaml");
        List<StepReport> steps = run(config, 1, dir.resolve("shape.png"), false);
        INDArray first = steps.get(0).pixels(), last = steps.get(7).pixels();
        assertTrue(last.meanNumber().doubleValue() < first.meanNumber().doubleValue() - 0.02,
                "the mean constraint darkens: " + first.meanNumber() + " -> " + last.meanNumber());
        assertTrue(last.stdNumber().doubleValue() < 0.5 * first.stdNumber().doubleValue(),
                "the blur smooths: " + first.stdNumber() + " -> " + last.stdNumber());
        assertTrue(steps.get(7).loss() > 0, "the constraint's loss is reported");
    }

    @Test
    void aTargetOfConstraintsAloneTrainsThePixelsThroughThem() {
        // CLIPig's training loop skips the feature losses of a target whose feature list is empty
        // and reads its similarity as 0; what is left is the sum of its constraints on each view.
        ClipigConfig config = ClipigConfig.parse("""
                epochs: 6
                resolution: 32
                optimizer: rmsprob
                learnrate: 5
                init:
                  mean: 0.3
                  std: 0.05
                targets:
                  - name: image adjustments
                    weight: 2 if similarity == 0 else 0
                    constraints:
                      - mean:
                          above: .6 .6 .6
                """, "adjust.yaml");
        List<StepReport> steps = run(config, 1, dir.resolve("adjust.png"), false);
        assertEquals(6, steps.size());
        assertTrue(steps.get(0).loss() > 0, "the constraint's loss counts, weighted: " + steps.get(0).loss());
        assertEquals(0, steps.get(5).similarities().get(0).length, "no features, no similarities");
        double before = steps.get(0).pixels().meanNumber().doubleValue(), after = steps.get(5).pixels().meanNumber().doubleValue();
        assertTrue(after > before + 0.05, "the mean constraint brightens: " + before + " -> " + after);
    }

    @Test
    void aSnapshotIntervalOfZeroWritesOnlyTheFinalImage() {
        // CLIPig's loop writes a snapshot only when snapshot_interval is not zero; the image is
        // saved once more after the last epoch.
        ClipigConfig config = ClipigConfig.parse(smallYaml(3).replace("snapshot_interval: 1", "snapshot_interval: 0"),
                "quiet.yaml");
        Path png = dir.resolve("quiet.png");
        List<Boolean> written = new ArrayList<>();
        Renderer.builder().config(config).model(model).seed(1).output(png)
                .listener(step -> written.add(Files.exists(png))).build().run();
        assertEquals(List.of(false, false, false), written);
        assertTrue(Files.exists(png));
    }

    @Test
    void bothIssueConfigsRunUnmodifiedAndWriteTheirImage() throws Exception {
        Path configs = Path.of("../examples/configs");
        for (String name : List.of("method1.yaml", "method2.yaml")) {
            ClipigConfig config = ClipigConfig.load(configs.resolve(name)).withEpochs(3);
            Path png = dir.resolve(name + ".png");
            List<StepReport> steps = run(config, 1, png, false);
            assertEquals(3, steps.size(), name);
            int side = ImageIO.read(png.toFile()).getWidth();
            long[] shape = steps.get(2).pixels().shape();
            assertArrayEquals(new long[] {3, side, side}, shape, name);
        }
    }

    @Test
    void method2GrowsTheResolutionOnItsSchedule() {
        ClipigConfig config = ClipigConfig.load(Path.of("../examples/configs/method2.yaml")).withEpochs(17);
        List<StepReport> steps = run(config, 1, dir.resolve("grow.png"), false);
        // {0: 8, 1: 8, 2: 16, 3: 32, 4: 64, 5: 128}.get(int(t*16), 224) with t = epoch / 16
        int[] expected = {8, 8, 16, 32, 64, 128, 224};
        for (int epoch = 0; epoch < expected.length; epoch++) {
            assertEquals(expected[epoch], steps.get(epoch).pixels().size(1), "epoch " + epoch);
        }
    }
}
