package dev.clipig.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.weights.safetensors.SafetensorsFile;
import dev.clipig.weights.safetensors.SafetensorsWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed input fails with one line naming the file and the fault, and writes nothing. */
class BadInputTest {
    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("out.safetensors");
    }

    @AfterEach
    void nothingWasWritten() throws IOException {
        assertFalse(Files.exists(out()), "no output after a failure");
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
    }

    @Test
    void randomBytesAreAnUnknownFormat() throws IOException {
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        Path in = Files.write(dir.resolve("noise.bin"), noise);
        assertFails(in, "unknown format");
    }

    @Test
    void aMissingFileIsNamed() {
        assertFails(dir.resolve("absent.pt"), "no such file");
    }

    @Test
    void aTruncatedZipIsReported() throws IOException {
        byte[] whole = Files.readAllBytes(Fixtures.model("b.pt"));
        Path in = Files.write(dir.resolve("cut.pt"), Arrays.copyOf(whole, whole.length / 2));
        assertFails(in, "truncated or corrupt zip archive");
    }

    @Test
    void aMissingStorageEntryIsNamed() throws IOException {
        Path in = rezip(Fixtures.model("b.pt"), dir.resolve("holed.pt"), name -> !name.equals("b/data/0"));
        assertFails(in, "missing storage entry 'b/data/0'");
    }

    @Test
    void aZipWithoutDataPklIsNoCheckpoint() throws IOException {
        Path in = rezip(Fixtures.model("b.pt"), dir.resolve("headless.pt"), name -> !name.endsWith("data.pkl"));
        assertFails(in, "not a PyTorch checkpoint");
    }

    @Test
    void aDeflatedCopyOfAnArchiveStillConverts() throws IOException {
        Path in = rezip(Fixtures.model("b.pt"), dir.resolve("deflated.pt"), name -> true);
        Path converted = dir.resolve("deflated.safetensors");
        assertEquals(Fixtures.B, WeightsConverter.convert(in, converted, DType.F16).hyperParams());
        Files.delete(converted);
    }

    @Test
    void aPickleCallingOsSystemIsRefusedWithoutRunningIt() throws IOException {
        Path marker = dir.resolve("pwned");
        byte[] pickle = concat(new byte[] {(byte) 0x80, 2}, ascii("cos\nsystem\n"),
                new byte[] {'X'}, le32(("touch " + marker).length()), ascii("touch " + marker),
                new byte[] {(byte) 0x85, 'R', '.'});
        Path in = zip(dir.resolve("evil.pt"), Map.of("evil/data.pkl", pickle));
        assertFails(in, "disallowed global 'os.system'");
        assertFalse(Files.exists(marker));
    }

    @Test
    void aHuggingFaceFileMissingATensorNamesIt() throws IOException {
        Map<String, Tensor> tensors = huggingFace();
        tensors.remove("vision_model.post_layernorm.bias");
        assertFails(safetensors("missing.safetensors", tensors), "missing tensor 'visual.ln_post.bias'");
    }

    @Test
    void aHuggingFaceFileMissingAKeyProjectionNamesIt() throws IOException {
        Map<String, Tensor> tensors = huggingFace();
        tensors.remove("text_model.encoder.layers.0.self_attn.k_proj.bias");
        assertFails(safetensors("no-k.safetensors", tensors),
                "missing tensor 'text_model.encoder.layers.0.self_attn.k_proj.bias'");
    }

    @Test
    void aMisShapedTensorIsNamedWithBothShapes() throws IOException {
        Map<String, Tensor> tensors = huggingFace();
        tensors.put("vision_model.post_layernorm.bias", floats(2));
        assertFails(safetensors("misshaped.safetensors", tensors),
                "tensor 'visual.ln_post.bias' has shape [2], expected [128]");
    }

    @Test
    void anUnexpectedTensorIsNamed() throws IOException {
        Map<String, Tensor> tensors = huggingFace();
        tensors.put("vision_model.extra.weight", floats(3));
        assertFails(safetensors("extra.safetensors", tensors), "unexpected tensors");
    }

    @Test
    void aResNetClipIsNotSupported() throws IOException {
        assertFails(safetensors("rn50.safetensors", Map.of("visual.layer1.0.conv1.weight", floats(4))), "ResNet");
    }

    @Test
    void unknownTensorNamesAreAnUnknownLayout() throws IOException {
        assertFails(safetensors("bert.safetensors", Map.of("encoder.layer.0.weight", floats(4))), "unknown layout");
    }

    @Test
    void aTruncatedSafetensorsFileIsReported() throws IOException {
        byte[] whole = Files.readAllBytes(Fixtures.model("b-hf.safetensors"));
        Path in = Files.write(dir.resolve("cut.safetensors"), Arrays.copyOf(whole, whole.length - 100));
        assertFails(in, "truncated safetensors file");
    }

    @Test
    void anUnsupportedSafetensorsDtypeIsNamed() throws IOException {
        String header = "{\"visual.conv1.weight\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}}";
        byte[] text = header.getBytes(StandardCharsets.UTF_8);
        Path in = Files.write(dir.resolve("u8.safetensors"), concat(le64(text.length), text, new byte[1]));
        assertFails(in, "has dtype U8");
    }

    @Test
    void aFailedConversionLeavesAnExistingOutputAlone() throws IOException {
        Path existing = Files.writeString(dir.resolve("kept.safetensors"), "old");
        Path in = Files.write(dir.resolve("noise.bin"), new byte[] {1, 2, 3});
        assertThrows(WeightsException.class, () -> WeightsConverter.convert(in, existing, DType.F32));
        assertEquals("old", Files.readString(existing));
        Files.delete(existing);
    }

    @Test
    void aDirectoryIsCalledADirectory() throws IOException {
        assertFails(Files.createDirectory(dir.resolve("model.pt")), "is a directory");
    }

    @Test
    void aDictContainingItselfIsRefused() throws IOException {
        // d = {}; d['x'] = d
        byte[] pickle = concat(new byte[] {(byte) 0x80, 2, '}', 'q', 0}, unicode("x"), new byte[] {'h', 0, 's', '.'});
        assertFails(zip(dir.resolve("cycle.pt"), Map.of("cycle/data.pkl", pickle)), "contains itself");
    }

    @Test
    void tenThousandNestedDictsAreRefused() throws IOException {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.writeBytes(new byte[] {(byte) 0x80, 2});
        for (int i = 0; i < 10_000; i++) {
            pickle.write('(');
            pickle.writeBytes(unicode("a"));
        }
        pickle.write('}');
        for (int i = 0; i < 10_000; i++) {
            pickle.write('d');
        }
        pickle.write('.');
        assertFails(zip(dir.resolve("deep.pt"), Map.of("deep/data.pkl", pickle.toByteArray())),
                "more than 64 levels deep");
    }

    @Test
    void aDeeplyNestedSafetensorsHeaderIsRefused() throws IOException {
        assertFails(safetensorsHeader("deep.safetensors", "{\"a\":" + "[".repeat(5000) + "}", 0),
                "nested more than 64 levels deep");
    }

    @Test
    void aShapeWhoseProductOverflowsIsRefused() throws IOException {
        String header = "{\"visual.conv1.weight\":{\"dtype\":\"F32\",\"shape\":[2147483647,2147483647,2147483647,"
                + "2147483647,8],\"data_offsets\":[0,0]}}";
        assertFails(safetensorsHeader("overflow.safetensors", header, 0), "does not fit shape");
    }

    @Test
    void wrappingDataOffsetsAreRefused() throws IOException {
        String header = "{\"visual.conv1.weight\":{\"dtype\":\"F32\",\"shape\":[1],"
                + "\"data_offsets\":[9223372036854775806,-9223372036854775806]}}";
        assertFails(safetensorsHeader("wrap.safetensors", header, 4), "does not fit shape");
    }

    @Test
    void zipSizesPastTheFileAreRefused() throws IOException {
        byte[] archive = Files.readAllBytes(zip(dir.resolve("plain.pt"), Map.of("p/data.pkl", new byte[] {'N', '.'})));
        int central = lastIndexOf(archive, new byte[] {'P', 'K', 1, 2});
        ByteBuffer.wrap(archive).order(ByteOrder.LITTLE_ENDIAN).putInt(central + 20, 0x80000000);
        assertFails(Files.write(dir.resolve("big.pt"), archive), "outside the");
    }

    @Test
    void aZipBombIsRefusedBeforeInflating() throws IOException {
        Path bomb = dir.resolve("bomb.pt");
        try (OutputStream file = Files.newOutputStream(bomb); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("bomb/data.pkl"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertFails(bomb, "a zip bomb");
    }

    @Test
    void overlappingZipEntriesAreRefused() throws IOException {
        byte[] archive = Files.readAllBytes(zip(dir.resolve("two.pt"),
                new LinkedHashMap<>(Map.of("p/data.pkl", new byte[] {'N', '.'}))));
        int central = lastIndexOf(archive, new byte[] {'P', 'K', 1, 2});
        byte[] entry = Arrays.copyOfRange(archive, central, central + 46 + "p/data.pkl".length());
        entry[46 + 2] = 'X'; // the same data, a second name
        int end = lastIndexOf(archive, new byte[] {'P', 'K', 5, 6});
        byte[] endRecord = Arrays.copyOfRange(archive, end, archive.length);
        ByteBuffer record = ByteBuffer.wrap(endRecord).order(ByteOrder.LITTLE_ENDIAN);
        record.putShort(8, (short) 2).putShort(10, (short) 2).putInt(12, record.getInt(12) + entry.length);
        byte[] doubled = concat(Arrays.copyOf(archive, end), entry, endRecord);
        assertFails(Files.write(dir.resolve("overlap.pt"), doubled), "overlaps");
    }

    private Path safetensorsHeader(String name, String header, int dataBytes) throws IOException {
        byte[] text = header.getBytes(StandardCharsets.UTF_8);
        return Files.write(dir.resolve(name), concat(le64(text.length), text, new byte[dataBytes]));
    }

    private static int lastIndexOf(byte[] data, byte[] pattern) {
        for (int at = data.length - pattern.length; at >= 0; at--) {
            if (Arrays.equals(data, at, at + pattern.length, pattern, 0, pattern.length)) {
                return at;
            }
        }
        throw new AssertionError("no " + Arrays.toString(pattern));
    }

    private static byte[] unicode(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return concat(new byte[] {'X'}, le32(utf8.length), utf8);
    }

    private void assertFails(Path in, String expected) {
        WeightsException e = assertThrows(WeightsException.class, () -> WeightsConverter.convert(in, out(), DType.F32));
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' lacks '" + expected + "'");
        assertTrue(e.getMessage().startsWith(in.toString()), () -> "'" + e.getMessage() + "' names " + in);
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    private static Map<String, Tensor> huggingFace() {
        return new LinkedHashMap<>(SafetensorsFile.open(Fixtures.model("b-hf.safetensors")).toCheckpoint().tensors());
    }

    private Path safetensors(String name, Map<String, Tensor> tensors) {
        Path path = dir.resolve(name);
        SafetensorsWriter.write(path, tensors, DType.F16, Map.of());
        return path;
    }

    private static Tensor floats(int count) {
        return Tensor.contiguous(DType.F32, new int[] {count},
                ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN));
    }

    /** A deflated copy of a zip with only the entries {@code keep} accepts. */
    private static Path rezip(Path source, Path target, Predicate<String> keep) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile in = new ZipFile(source.toFile())) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                if (keep.test(entry.getName())) {
                    try (InputStream data = in.getInputStream(entry)) {
                        entries.put(entry.getName(), data.readAllBytes());
                    }
                }
            }
        }
        return zip(target, entries);
    }

    private static Path zip(Path target, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return target;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static byte[] le64(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer joined = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        Arrays.stream(parts).forEach(joined::put);
        return joined.array();
    }
}
