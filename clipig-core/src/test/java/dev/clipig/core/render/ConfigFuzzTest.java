package dev.clipig.core.render;

import dev.clipig.ClipigException;
import dev.clipig.clip.ClipModel;
import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.config.ConfigDocument;
import dev.clipig.fuzz.Mutations;
import dev.clipig.fuzz.OneLineContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of real configs (the examples and one using every kind of section) are loaded
 * and, when they load, rendered for one epoch with the fixture model: each either works or fails in
 * one line ({@link OneLineContract}), whatever the YAML, tags, anchors, numbers or sizes it holds.
 */
class ConfigFuzzTest {
    /** Every section CLIPig knows, with sizes and expressions, so that mutations reach each reader. */
    private static final String EVERYTHING = """
            epochs: 20
            resolution: [16, 12]
            learnrate: 0.5 + 0.5 * t
            learnrate_scale: 1
            optimizer: adam
            snapshot_interval: 0.0
            interpolation: linear
            init:
              mean: [0.5, 0.4, 0.3]
              std: 0.1
              resolution: 8
            targets:
              - name: shapes
                active: true
                batch_size: 2
                start: 0
                end: 100%
                weight: 1.5
                select: best
                feature_scale: equal
                features:
                  - text: a red circle on white
                    weight: 2
                    loss: cosine
                  - text: a blue square
                    start: 0.5
                transforms:
                  - pad: {size: 4, mode: wrap}
                  - repeat: 2 1
                  - random_crop: 12
                  - center_crop: [10, 10]
                  - crop: 1 1 8 8
                  - resize: 12
                  - random_shift: 0 1
                  - random_translate: .1 .1
                  - random_scale: .9 1.1
                  - random_rotate: {degree: -10 10, center: .5 .5}
                  - rotate: {degree: 5}
                  - shift: 1 2
                  - blur: {kernel_size: 3, sigma: 0.5}
                  - edge: {kernel_size: 3}
                  - border: {size: 1, color: 1 0 0}
                  - noise: 0.05
                  - bwnoise: 0.05
                  - fnoise: 0.01
                  - rnoise: {std: 0.1, resolution: 4}
                  - quantize: 0.1
                  - saturation: 1.2
                  - contrast: 0.9
                  - clamp: 0 1
                  - mean: 0.5
                  - mul: 1.1
                  - add: 0.01
                constraints:
                  - blur: {kernel_size: 5, weight: 0.5}
                  - border: {size: 2, color: 0}
                  - edge_mean: {above: 0.1, weight: 0.1}
                  - noise: {std: 0.1}
                  - normalize: {weight: 1}
            postproc:
              - blur: {kernel_size: 3}
                end: 10%
              - clamp: 0 1
              - border: {size: 1}
            """;
    private static final List<String> YAML_WORDS = List.of("resolution: ", "epochs: ", "batch_size: ", "size: ",
            "kernel_size: ", "- pad: ", "- crop: -1 -1 5 5", "- repeat: ", "- rnoise: {std: 1, resolution: ",
            "pad: {size: 2000000000}", "resolution: 100000", "!!bool maybe", "!!int abc", "!!float x", "!!binary ",
            "!!timestamp ", "!!set ", "!!omap ", "!foo ", "&a [1, 2, 3]", "*a", "<<: *a", "? [a]", "{", "}", "[",
            "]", "- ", ": ", "start: -5", "end: 200%", "weight: nan", "learnrate: 1e400", "image: /dev/zero",
            "image: missing.png", "init: {image: .}", "text: ", "~", "null", "true", "[[[[[[", "2**62", "1/0",
            "t*", "{0: 8}.get(", "'", "\"", "\\u0000");

    private static ClipModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModelAndWarmUp(@TempDir Path warmUp) {
        model = FixtureModel.load();
        // The first step of a JVM compiles and allocates what later ones reuse; no case should pay for that.
        renderOneEpoch(ClipigConfig.parse(EVERYTHING, "everything.yaml"), warmUp.resolve("everything.png"));
    }

    @Test
    void mutatedConfigsRenderOrFailInOneLine() throws IOException {
        List<String> sources = new ArrayList<>(List.of(EVERYTHING));
        try (Stream<Path> examples = Files.list(Path.of("..", "examples", "configs"))) {
            for (Path example : examples.sorted().toList()) sources.add(Files.readString(example));
        }
        Mutations mutations = new Mutations(16_101);
        OneLineContract loading = new OneLineContract("configs (loading)", ClipigException.class);
        // A step is heavier than a load, and a mutation may ask for a larger image within the limits: the
        // slowest step took 3.2 s on a machine loaded by a concurrent build, 22.7 s at a load of 40 on its two
        // cores. The limit here guards against a hang; the printed slowest case is the figure to watch.
        OneLineContract rendering = new OneLineContract("configs (one epoch)", ClipigException.class, 60);
        for (int i = 0; i < 2000; i++) {
            String text = mutations.text(sources.get(i % sources.size()), YAML_WORDS);
            String name = "case" + i + ".yaml";
            ClipigConfig[] loaded = new ClipigConfig[1];
            loading.check("config " + name, () -> loaded[0] = ConfigDocument.parse(text, name).toConfig());
            if (loaded[0] != null) {
                Path image = dir.resolve("case" + i + ".png");
                rendering.check("render " + name, () -> renderOneEpoch(loaded[0], image));
            }
        }
        loading.assertHeld();
        rendering.assertHeld();
    }

    private static void renderOneEpoch(ClipigConfig config, Path image) {
        try {
            Renderer.builder().config(config).model(model).seed(1).output(image)
                    .listener(step -> {
                        throw new FirstEpochDone();
                    }).build().run();
        } catch (FirstEpochDone e) {
            // what the case wanted: the config's first epoch ran
        }
    }

    private static final class FirstEpochDone extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
