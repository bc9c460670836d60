package dev.clipig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.clip.ClipModel;
import dev.clipig.clip.image.ClipPreprocessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class ClassifyCommandTest {
    private static final String MODEL = ModelFixtures.model("a.pt").toString();
    private static final Pattern LINE = Pattern.compile("(\\d\\.\\d{4})  (.+)");

    @TempDir
    Path dir;

    @Test
    void printsTheZeroShotProbabilitiesMostLikelyFirst() throws IOException {
        Path image = ModelFixtures.image("photo.jpg");
        Path labelsFile = Files.writeString(dir.resolve("labels.txt"), "a photo\n\n  a drawing \n");
        List<String> labels = List.of("a diagram", "a dog", "a cat", "a photo", "a drawing");

        CommandRun run = CommandRun.of("classify", "--model", MODEL, "--image", image.toString(),
                "--labels", "a diagram, a dog,a cat", "--labels-file", labelsFile.toString());

        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().strip().lines().toList();
        assertEquals(labels.size(), lines.size(), run.out());
        Map<String, Double> printed = new TreeMap<>();
        double previous = 1, sum = 0;
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), line);
            double p = Double.parseDouble(m.group(1));
            assertTrue(p <= previous, "not in descending order: " + lines);
            previous = p;
            sum += p;
            printed.put(m.group(2), p);
        }
        assertEquals(1, sum, 5e-4 * labels.size());

        ClipModel clip = ClipModel.load(Path.of(MODEL));
        INDArray probabilities = clip.probabilities(
                clip.encodeImages(new ClipPreprocessor(clip.imageResolution()).preprocess(List.of(image))),
                clip.encodeTexts(labels));
        for (int i = 0; i < labels.size(); i++) {
            assertEquals(probabilities.getDouble(0, i), printed.get(labels.get(i)), 5e-5, labels.get(i));
        }
    }

    @Test
    void noLabelsIsOneLine() throws IOException {
        Path blank = Files.writeString(dir.resolve("blank.txt"), "\n \n");

        CommandRun run = CommandRun.of("classify", "-m", MODEL, "--image", ModelFixtures.image("CLIP.png").toString(),
                "--labels-file", blank.toString());

        assertTrue(run.errorLine().startsWith("classify: no labels"), run.err());
    }

    @Test
    void aMissingImageIsOneLineNamingIt() {
        Path missing = dir.resolve("missing.png");

        CommandRun run = CommandRun.of("classify", "-m", MODEL, "--image", missing.toString(), "--labels", "a,b");

        String line = run.errorLine();
        assertTrue(line.startsWith("classify: cannot read image " + missing), line);
    }
}
