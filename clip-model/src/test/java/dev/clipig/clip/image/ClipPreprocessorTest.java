package dev.clipig.clip.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Equal to PIL + torchvision's CLIP transform (fixtures/preprocess/make_preprocess.py). */
class ClipPreprocessorTest {
    private static final Path FIXTURES = Path.of(System.getProperty("clipig.fixtures", "../fixtures"), "preprocess");

    @Test
    void matchesPilAndTorchvisionOnEveryFixtureImage() throws IOException {
        List<String> cases = Files.readAllLines(FIXTURES.resolve("cases.tsv"));
        assertTrue(cases.size() >= 10, "only " + cases.size() + " cases");
        for (String line : cases) {
            String[] fields = line.split("\t");
            INDArray expected = Nd4j.createFromNpyFile(FIXTURES.resolve(fields[2]).toFile());
            INDArray actual = new ClipPreprocessor(Integer.parseInt(fields[1])).preprocess(FIXTURES.resolve(fields[0]));
            assertEquals(DataType.FLOAT, actual.dataType());
            assertArrayEquals(expected.shape(), actual.shape(), fields[0]);
            double diff = Math.abs(actual.sub(expected).maxNumber().doubleValue());
            diff = Math.max(diff, Math.abs(actual.sub(expected).minNumber().doubleValue()));
            assertTrue(diff <= 1e-6, fields[0] + ": max abs difference " + diff);
        }
    }

    @Test
    void stacksABatchInOrder() {
        ClipPreprocessor preprocessor = new ClipPreprocessor(64);
        Path gray = FIXTURES.resolve("gray.png");
        Path photo = FIXTURES.resolve("photo.jpg");
        INDArray batch = preprocessor.preprocess(List.of(gray, photo, gray));
        assertArrayEquals(new long[] {3, 3, 64, 64}, batch.shape());
        assertEquals(preprocessor.preprocess(photo), batch.slice(1));
        assertEquals(batch.slice(0), batch.slice(2));
        assertFalse(batch.slice(0).equals(batch.slice(1)));
    }

    @Test
    void namesABrokenFileInOneLine(@TempDir Path dir) throws IOException {
        byte[] png = Files.readAllBytes(FIXTURES.resolve("landscape.png"));
        Path broken = dir.resolve("broken.png");
        Files.write(broken, Arrays.copyOf(png, png.length / 2));
        ImageReadException e = assertThrows(ImageReadException.class, () -> new ClipPreprocessor(32).preprocess(broken));
        assertTrue(e.getMessage().startsWith("cannot read image " + broken + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void namesAFileThatIsNoImage(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        ImageReadException e = assertThrows(ImageReadException.class, () -> new ClipPreprocessor(32).preprocess(text));
        assertEquals("cannot read image " + text + ": not in an image format Java can read", e.getMessage());
        Path missing = dir.resolve("missing.jpg");
        e = assertThrows(ImageReadException.class, () -> new ClipPreprocessor(32).preprocess(missing));
        assertEquals("cannot read image " + missing + ": no such file", e.getMessage());
    }
}
