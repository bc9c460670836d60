package dev.clipig.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.weights.safetensors.SafetensorsFile;
import dev.clipig.weights.safetensors.SafetensorsWriter;
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
