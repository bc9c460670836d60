package dev.clipig.examples.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.cli.ModelFixtures;
import dev.clipig.weights.npy.Npy;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToyJudgeTest {
    static final Path WEIGHTS = ModelFixtures.root().resolve("judge/toy-judge.npz");

    @TempDir
    Path temp;

    @Test
    void namesTheSixToyFixturePictures() throws IOException {
        ToyJudge judge = ToyJudge.load(WEIGHTS);
        List<Path> pictures = toyPictures();
        assertEquals(6, pictures.size());
        for (Path picture : pictures) {
            String caption = "a " + picture.getFileName().toString().replace(".png", "").replace('-', ' ');
            assertEquals(Naming.ofCaption(caption), judge.name(ToyJudge.read(picture)), picture.toString());
        }
    }

    @Test
    void matchesThePythonLogits() throws IOException {
        ToyJudge judge = ToyJudge.load(WEIGHTS);
        float[] expected = Npy.readArchive(WEIGHTS).get("fixture_logits").toFloats();
        List<Path> pictures = toyPictures();
        for (int p = 0; p < pictures.size(); p++) {
            float[] logits = judge.logits(ToyJudge.read(pictures.get(p)));
            assertEquals(10, logits.length);
            for (int i = 0; i < logits.length; i++) {
                assertEquals(expected[p * 10 + i], logits[i], 1e-4, pictures.get(p) + " logit " + i);
            }
        }
    }

    @Test
    void refusesPicturesOfAnotherSizeInOneLine() throws IOException {
        Path big = temp.resolve("big.png");
        ImageIO.write(new BufferedImage(65, 64, BufferedImage.TYPE_INT_RGB), "png", big.toFile());
        JudgeException e = assertThrows(JudgeException.class, () -> ToyJudge.read(big));
        assertEquals(big + ": the judge takes 64x64 pictures, this one is 65x64", e.getMessage());
        Path text = Files.writeString(temp.resolve("text.png"), "not a picture");
        assertEquals(text + ": not an image file Java can read",
                assertThrows(JudgeException.class, () -> ToyJudge.read(text)).getMessage());
    }

    @Test
    void refusesWeightsThatAreNotTheJudgesInOneLine() {
        Path other = ModelFixtures.root().resolve("toy/toy-shapes-reference.npz");
        JudgeException e = assertThrows(JudgeException.class, () -> ToyJudge.load(other));
        assertEquals(other + ": no array 'conv1.weight'; is it the judge's weights?", e.getMessage());
        Path missing = temp.resolve("missing.npz");
        String message = assertThrows(JudgeException.class, () -> ToyJudge.load(missing)).getMessage();
        assertTrue(message.startsWith(missing.toString()) && !message.contains("\n"), message);
    }

    @Test
    void captionsOutsideTheToyWorldAreRefused() {
        assertEquals(new Naming("red", "circle", "white"), Naming.ofCaption("a red circle on white"));
        assertEquals("'purple' is not a colour of the toy world; they are [red, green, blue, yellow]",
                assertThrows(JudgeException.class, () -> Naming.ofCaption("a purple circle on white")).getMessage());
        assertThrows(JudgeException.class, () -> Naming.ofCaption("a cat"));
    }

    private static List<Path> toyPictures() throws IOException {
        try (Stream<Path> files = Files.list(ModelFixtures.root().resolve("toy"))) {
            return files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }
}
