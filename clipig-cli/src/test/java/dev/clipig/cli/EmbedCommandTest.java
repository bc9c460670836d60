package dev.clipig.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.clip.ClipModel;
import dev.clipig.clip.image.ClipPreprocessor;
import dev.clipig.weights.Tensor;
import dev.clipig.weights.npy.Npy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class EmbedCommandTest {
    private static final double TOLERANCE = 1e-4;
    private static final String MODEL = ModelFixtures.model("a.pt").toString();

    private static ClipModel model;
    private static Map<String, Tensor> reference;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        model = ClipModel.load(Path.of(MODEL));
        reference = ModelFixtures.reference("a");
    }

    /** The reference pixels [4, 3, 64, 64] as the float32 .npy a user would write. */
    private Path pixelsNpy() {
        Path file = dir.resolve("pixels.npy");
        Tensor pixels = reference.get("pixels");
        Npy.writeFloats(file, pixels.toFloats(), Arrays.stream(pixels.shape()).asLongStream().toArray());
        return file;
    }

    /** An array of the reference archive as NumPy wrote it: token ids int64, pixels float64. */
    private Path referenceNpy(String name) throws IOException {
        Path file = dir.resolve(name + ".npy");
        try (ZipFile zip = new ZipFile(ModelFixtures.model("a-reference.npz").toFile());
             InputStream in = zip.getInputStream(zip.getEntry(name + ".npy"))) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private static INDArray rows(INDArray array, int from, int to) {
        return array.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    @Test
    void writesTextsThenImagesInTheOrderOfTheirOptionsMatchingPyTorch() throws IOException {
        Path image = ModelFixtures.image("CLIP.png");
        Path out = dir.resolve("features.npy");

        CommandRun run = CommandRun.of("embed", "--model", MODEL, "--pixels-npy", pixelsNpy().toString(),
                "--image", image.toString(), "--tokens-npy", referenceNpy("tokens").toString(), "--text", "a dog",
                "--out", out.toString());

        assertEquals(0, run.exit(), run.err());
        Tensor written = Npy.read(out);
        assertEquals("F32[9, 32]", written.toString());
        INDArray features = ModelFixtures.array(written);
        INDArray text = model.encodeTexts(List.of("a dog"));
        INDArray file = model.encodeImages(new ClipPreprocessor(64).preprocess(List.of(image)));
        assertTrue(ModelFixtures.relativeError(rows(features, 0, 1), text) <= 1e-6);
        assertTrue(ModelFixtures.relativeError(rows(features, 1, 4),
                ModelFixtures.array(reference.get("text_features"))) <= TOLERANCE);
        assertTrue(ModelFixtures.relativeError(rows(features, 4, 5), file) <= 1e-6);
        assertTrue(ModelFixtures.relativeError(rows(features, 5, 9),
                ModelFixtures.array(reference.get("image_features"))) <= TOLERANCE);
    }

    @Test
    void encodesManyTextsInBatchesAsOneCallWould() throws IOException {
        List<String> texts = IntStream.range(0, 40).mapToObj(i -> "a photo of " + i + " dogs").toList();
        Path file = Files.write(dir.resolve("texts.txt"), texts);
        Path out = dir.resolve("texts.npy");

        CommandRun run = CommandRun.of("embed", "-m", MODEL, "--text", "first", "--texts-file", file.toString(),
                "--out", out.toString());

        assertEquals(0, run.exit(), run.err());
        List<String> all = new ArrayList<>(List.of("first"));
        all.addAll(texts);
        assertTrue(ModelFixtures.relativeError(ModelFixtures.array(Npy.read(out)), model.encodeTexts(all)) <= 1e-6);
        assertEquals("wrote " + out + ": 41 rows of 32", run.out().strip());
    }

    @Test
    void normalizedRowsHaveUnitLengthAndTheDirectionOfPlainOnesFromFloat64Pixels() throws IOException {
        Path plain = dir.resolve("plain.npy");
        Path unit = dir.resolve("unit.npy");

        assertEquals(0, CommandRun.of("embed", "-m", MODEL, "--pixels-npy", referenceNpy("pixels").toString(),
                "--out", plain.toString()).exit());
        assertEquals(0, CommandRun.of("embed", "-m", MODEL, "--pixels-npy", pixelsNpy().toString(),
                "--out", unit.toString(), "--normalize").exit());

        INDArray normalized = ModelFixtures.array(Npy.read(unit));
        assertArrayEquals(new double[] {1, 1, 1, 1}, normalized.norm2(1).toDoubleVector(), 1e-5);
        assertTrue(ModelFixtures.relativeError(normalized, ClipModel.normalize(ModelFixtures.array(Npy.read(plain))))
                <= 1e-6);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("no inputs", List.of(), "nothing to embed"),
                Arguments.of("pixels of another resolution", List.of("--pixels-npy", "DIR/small.npy"),
                        "small.npy: F32[2, 3, 32, 32] is not the float32 or float64 [N, 3, 64, 64]"),
                Arguments.of("integer pixels", List.of("--pixels-npy", "DIR/tokens.npy"),
                        "tokens.npy: I64[3, 77] is not the float32 or float64 [N, 3, 64, 64]"),
                Arguments.of("float tokens", List.of("--tokens-npy", "DIR/floats.npy"),
                        "floats.npy: F32[3, 77] is not the int64 [N, 77]"),
                Arguments.of("token id outside the vocabulary", List.of("--tokens-npy", "DIR/tokens.npy"),
                        "token id 49408 in row 2 is outside the model's vocabulary of 49408"),
                Arguments.of("not an .npy file", List.of("--tokens-npy", "DIR/broken.png"), "broken.png: not an .npy"),
                Arguments.of("unreadable image", List.of("--text", "a dog", "--image", "DIR/broken.png"),
                        "cannot read image"),
                Arguments.of("missing image", List.of("--image", "DIR/missing.png"), "cannot read image"),
                Arguments.of("too long text", List.of("--text", "a dog ".repeat(80)), "needs 162 tokens"),
                Arguments.of("missing texts file", List.of("--texts-file", "DIR/missing.txt"),
                        "--texts-file DIR/missing.txt: no such file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void aBadInputIsOneLineAndWritesNothing(String what, List<String> options, String expected) throws IOException {
        Npy.writeFloats(dir.resolve("small.npy"), new float[2 * 3 * 32 * 32], 2, 3, 32, 32);
        Npy.writeFloats(dir.resolve("floats.npy"), new float[3 * 77], 3, 77);
        Path tokens = referenceNpy("tokens");
        if (what.contains("vocabulary")) {
            byte[] bytes = Files.readAllBytes(tokens);
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(bytes.length - Long.BYTES, 49408);
            Files.write(tokens, bytes);
        }
        Files.writeString(dir.resolve("broken.png"), "not a PNG");
        Path out = dir.resolve("out.npy");
        List<String> args = new ArrayList<>(List.of("embed", "-m", MODEL, "--out", out.toString()));
        options.forEach(option -> args.add(option.replace("DIR", dir.toString())));

        CommandRun run = CommandRun.of(args.toArray(String[]::new));

        String line = run.errorLine();
        assertTrue(line.startsWith("embed: "), line);
        assertTrue(line.contains(expected.replace("DIR", dir.toString())), line);
        assertFalse(Files.exists(out));
    }
}
