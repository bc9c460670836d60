package dev.clipig.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.clip.ClipModel;
import dev.clipig.core.config.ClipigConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every whole config of CLIPig's README, walkthrough and examples, verbatim (see the README beside
 * them in the test resources), renders two epochs on the bundled toy CLIP and writes its image.
 */
class ClipigDocsConfigsTest {
    private static final String FOLDER = "/dev/clipig/core/clipig-docs/";
    private static ClipModel toy;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        toy = ClipModel.load(Path.of("../clip-model/src/main/resources/dev/clipig/clip/models/toy-shapes.safetensors"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"readme-example.yaml", "walkthrough-curly-spoon.yaml", "walkthrough-spoon-blur.yaml",
            "walkthrough-spoon-repeat.yaml", "walkthrough-spoons-saturation.yaml", "walkthrough-lovecraft.yaml",
            "walkthrough-lovecraft-details.yaml", "strawberries.yaml"})
    void rendersTwoEpochs(String name) throws IOException, URISyntaxException {
        // The two image files the docs name are not in them: both get a small copy of hpl4-c.png.
        String image = Path.of(getClass().getResource(FOLDER + "hpl4-c-96px.png").toURI()).toString();
        String yaml = read(name).replace("/path/to/image.png", image).replace("docs/static/img/hpl4-c.png", image);
        ClipigConfig config = ClipigConfig.parse(yaml, name).withEpochs(2);
        Path output = dir.resolve(name.replace(".yaml", ".png"));
        List<StepReport> steps = new ArrayList<>();
        Renderer.builder().config(config).model(toy).seed(1).output(output).listener(steps::add).build().run();
        assertEquals(2, steps.size());
        assertTrue(Double.isFinite(steps.get(1).loss()), "loss " + steps.get(1).loss());
        assertTrue(Files.size(output) > 0);
    }

    private static String read(String name) throws IOException {
        try (InputStream in = ClipigDocsConfigsTest.class.getResourceAsStream(FOLDER + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
