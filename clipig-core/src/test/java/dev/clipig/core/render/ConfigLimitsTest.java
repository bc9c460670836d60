package dev.clipig.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.clipig.ClipigException;
import dev.clipig.clip.ClipModel;
import dev.clipig.core.config.ConfigDocument;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bad configs the hardening issue lists, each refused in one line naming the file, line and key,
 * before it allocates what it asks for: explicit tags a value does not fit, sizes beyond
 * {@code Size.MAX_SIDE} (or beyond int), transforms no image fits, and YAML whose aliases expand
 * past what a config needs.
 */
class ConfigLimitsTest {
    private static ClipModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        model = FixtureModel.load();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "epochs: !!int abc                      | bad.yaml:1: epochs: 'abc' is not a valid !!int",
        "epochs: !!float x                      | bad.yaml:1: epochs: 'x' is not a valid !!float",
        "resolution: 100000                     | bad.yaml:1: resolution: must be from 1 to 4096, got 100000",
        "resolution: 9000+t                     | bad.yaml:1: resolution: value 9000 of '9000+t' must be from 1 to 4096",
        "init: {resolution: 2000000000}         | bad.yaml:1: init.resolution: must be from 1 to 4096, got 2000000000",
        "targets: [{batch_size: 100000, features: [{text: a}]}] | bad.yaml:1: targets[0].batch_size: must be from 1 to 256, got 100000",
        "targets: [{active: !!bool maybe}]      | bad.yaml:1: targets[0].active: 'maybe' is not a valid !!bool",
        "targets: [{features: [{text: a}], transforms: [{pad: {size: 2000000000}}]}] | bad.yaml:1: targets[0].transforms[0].pad.size: must be from 0 to 4096, got 2000000000",
        "targets: [{features: [{text: a}], transforms: [{rnoise: {std: 1, resolution: 1000000}}]}] | bad.yaml:1: targets[0].transforms[0].rnoise.resolution: must be from 1 to 4096, got 1000000",
        "targets: [{features: [{text: a}], transforms: [{blur: {kernel_size: 2000000000}}]}] | bad.yaml:1: targets[0].transforms[0].blur.kernel_size: must be at most 4096, got 2000000000",
        "targets: [{features: [{text: a}], transforms: [{crop: -1 -1 5 5}]}] | bad.yaml:1: targets[0].transforms[0].crop: transform 'crop': crop needs x, y >= 0 and a positive size, got -1.0, -1.0, 5.0, 5.0",
        "targets: [{features: [{text: a}], transforms: [{pad: {size: 1900}}, {pad: {size: 100}}]}] | bad.yaml:1: targets[0].transforms[1].pad: transform 'pad': an image's sides must be from 1 to 4096 pixels, got 4224x4224",
        "targets: [{features: [{text: a}], transforms: [{cutouts: {count: 2000000000}}]}] | bad.yaml:1: targets[0].transforms[0].cutouts.count: must be from 1 to 256, got 2000000000",
        "targets: [{features: [{text: a}], transforms: [{repeat: 4096}]}] | bad.yaml:1: targets[0].transforms[0].repeat: transform 'repeat': an image's sides must be from 1 to 4096 pixels, got 917504x917504",
    })
    void aConfigBeyondItsLimitsIsRefusedInOneLine(String yaml, String message) {
        ClipigException e = assertThrows(ClipigException.class, () -> render(yaml));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10 | bad.yaml:1: the YAML has more than 100000 values once its aliases are expanded",
        "0  | bad.yaml:1: invalid YAML: Number of aliases for non-scalar nodes exceeds the specified max=50",
    })
    void aliasesThatExpandPastAConfigsSizeAreRefusedAtOnce(int perLevel, String message) {
        // Five levels of lists of aliases of the level below: 1000 * 10^4 values from 41 lines (or 60 aliases).
        StringBuilder yaml = new StringBuilder("a0: &a0 [" + "1, ".repeat(999) + "1]\n");
        int aliases = perLevel > 0 ? perLevel : 15;
        for (int level = 1; level <= 4; level++) {
            yaml.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(("*a" + (level - 1) + ", ").repeat(aliases)).append("1]\n");
        }
        String text = yaml.toString();
        ClipigException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ClipigException.class, () -> ConfigDocument.parse(text, "bad.yaml")));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a: &a [1, *a]                 | bad.yaml:1: the YAML contains itself through an alias",
        "a: &a {b: *a}                 | bad.yaml:1: the YAML contains itself through an alias",
    })
    void aConfigThatContainsItselfIsRefused(String yaml, String message) {
        ClipigException e = assertThrows(ClipigException.class, () -> ConfigDocument.parse(yaml, "bad.yaml"));
        assertEquals(message, e.getMessage());
    }

    private void render(String yaml) {
        Renderer.builder().config(ConfigDocument.parse(yaml, "bad.yaml").toConfig()).model(model)
                .output(dir.resolve("bad.png")).listener(step -> {
                    throw new AssertionError("a first step ran");
                }).build().run();
    }
}
