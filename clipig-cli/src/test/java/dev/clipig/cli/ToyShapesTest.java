package dev.clipig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The end-to-end check that a render obeys its prompt, with the bundled toy CLIP that knows
 * coloured shapes on plain backgrounds: parity tests prove each part, but a swapped colour
 * channel, a wrong normalization, a flipped gradient sign or a broken resolution schedule would
 * pass them all — and fail here. It runs the CLI on the shipped config and reads the PNG it wrote.
 *
 * <p>The shipped recipe draws one compact shape on a flat background, so the prompt's colour is
 * read from the render's most colourful pixels (the tenth with the largest spread between
 * channels) and the background from the mean brightness.
 */
class ToyShapesTest {
    private static final Path CONFIG = Path.of("../examples/configs/toy-shapes.yaml");
    private static final Path FIXTURES = Path.of(System.getProperty("clipig.fixtures", "../fixtures"), "toy");
    private static final double MARGIN = 0.05;

    @TempDir
    Path dir;

    @Test
    void rendersShowThePromptsColourAndBackground() throws Exception {
        BufferedImage red = render("a red circle on white");
        BufferedImage blue = render("a blue square on black");
        BufferedImage green = render("a green circle on black");

        assertDominates("red", mostColourful(red), 0);
        assertDominates("blue", mostColourful(blue), 2);
        assertDominates("green", mostColourful(green), 1);
        double white = brightness(meanColour(red));
        double dark = Math.max(brightness(meanColour(blue)), brightness(meanColour(green)));
        assertTrue(dark < white, "'on black' renders are darker than 'on white': " + dark + " vs " + white);
    }

    @ParameterizedTest
    @ValueSource(strings = {"toy-shapes", "toy-shapes-b", "toy-shapes-c"})
    void everyBundledToyModelClassifiesTheTestPictures(String model) throws Exception {
        List<String> captions = Files.readAllLines(FIXTURES.resolve("captions.txt"));
        for (String caption : List.of("a red circle on white", "a blue square on black", "a green circle on black")) {
            Path image = FIXTURES.resolve(caption.substring(2).replace(' ', '-') + ".png");
            CommandRun run = CommandRun.of("classify", "--model", model, "--image", image.toString(),
                    "--labels", String.join(",", captions));
            assertEquals(0, run.exit(), run.err());
            String best = run.out().lines().findFirst().orElseThrow();
            assertTrue(best.endsWith("  " + caption), model + " classified " + image + " as: " + best);
        }
    }

    /** Renders the shipped toy config with another prompt; the PNG the CLI wrote. */
    private BufferedImage render(String prompt) throws Exception {
        String yaml = Files.readString(CONFIG).replace("a red circle on white", prompt);
        Path config = dir.resolve(prompt.replace(' ', '-') + ".yaml");
        Files.writeString(config, yaml);
        Path png = dir.resolve(prompt.replace(' ', '-') + ".png");
        CommandRun run = CommandRun.of("render", config.toString(), "--model", "toy-shapes", "--seed", "1",
                "--output", png.toString());
        assertEquals(0, run.exit(), run.err());
        return ImageIO.read(png.toFile());
    }

    private static void assertDominates(String prompt, double[] rgb, int channel) {
        for (int c = 0; c < 3; c++) {
            if (c != channel) {
                assertTrue(rgb[channel] > rgb[c] + MARGIN, prompt + " render's mean colour "
                        + java.util.Arrays.toString(rgb));
            }
        }
    }

    private static double brightness(double[] rgb) {
        return (rgb[0] + rgb[1] + rgb[2]) / 3;
    }

    /** The mean RGB of the tenth of the pixels whose channels differ most. */
    private static double[] mostColourful(BufferedImage image) {
        List<double[]> pixels = new java.util.ArrayList<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) pixels.add(rgb(image.getRGB(x, y)));
        }
        pixels.sort(java.util.Comparator.comparingDouble(p -> -(Math.max(p[0], Math.max(p[1], p[2]))
                - Math.min(p[0], Math.min(p[1], p[2])))));
        double[] sum = new double[3];
        int n = Math.max(1, pixels.size() / 10);
        for (double[] p : pixels.subList(0, n)) {
            for (int c = 0; c < 3; c++) sum[c] += p[c] / n;
        }
        return sum;
    }

    private static double[] rgb(int packed) {
        return new double[] {(packed >> 16 & 0xff) / 255.0, (packed >> 8 & 0xff) / 255.0, (packed & 0xff) / 255.0};
    }

    private static double[] meanColour(BufferedImage image) {
        double[] sum = new double[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                double[] p = rgb(image.getRGB(x, y));
                for (int c = 0; c < 3; c++) sum[c] += p[c];
            }
        }
        int n = image.getWidth() * image.getHeight();
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }
}
