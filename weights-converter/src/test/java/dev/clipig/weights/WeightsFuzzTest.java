package dev.clipig.weights;

import dev.clipig.fuzz.Mutations;
import dev.clipig.fuzz.OneLineContract;
import dev.clipig.weights.npy.Npy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of the committed weight and npy fixtures go through the readers the way a
 * model load does (read, widen every tensor, check the CLIP layout); each must load or fail in
 * one line ({@link OneLineContract}).
 */
class WeightsFuzzTest {
    private static final List<String> PICKLE_OPCODES = List.of("a", "e", "s", "u", "N", "}", "]", ")", "(", "0",
            "2", "t", "\u0085", "\u0086", "\u0087", "R", "b", "Q", "\u0093", "\u0081", "h\u0000", "q\u0000",
            "j\u00ff\u00ff\u00ff\u00ff", "X\u00ff\u00ff\u00ff\u007f", "\u0094", "l", "d", "\u0088");
    private static final List<String> JSON_WORDS = List.of("{}", "[]", "null", "\"dtype\"", "\"shape\"",
            "\"data_offsets\"", "\"F64\"", "\"I64\"", "[9223372036854775807]", "[-1]", "[2147483647,2147483647,8]",
            "\"__metadata__\"", "{\"a\":{\"b\":[]}}", "\\u00zz", "\\ud800");
    private static final List<String> NPY_WORDS = List.of("(-1,)", "(abc,)", "(99999999999,)", "(2147483647, 2147483647)",
            "(3, -5)", "(" + "1, ".repeat(40) + ")", "'<f8'", "'>f4'", "'|b1'", "True", "'shape': ()", "{", "}");

    @TempDir
    Path dir;

    @Test
    void damagedZipArchivesLoadOrFailInOneLine() throws IOException {
        Mutations mutations = new Mutations(16_001);
        OneLineContract contract = new OneLineContract("zip archives", WeightsException.class);
        List<byte[]> sources = List.of(fixture("b.pt"), fixture("b-state.pt"), fixture("a.pt"));
        for (int i = 0; i < 400; i++) {
            byte[] source = sources.get(i % 5 == 4 ? 2 : i % 2);
            Path file = write("zip" + i % 2 + ".pt", mutations.bytes(source, zipHeaders(source)));
            contract.check("zip case " + i, () -> load(file));
        }
        contract.assertHeld();
    }

    @Test
    void damagedPicklesLoadOrFailInOneLine() throws IOException {
        Mutations mutations = new Mutations(16_002);
        OneLineContract contract = new OneLineContract("pickles (data.pkl)", WeightsException.class);
        List<Map<String, byte[]>> sources = List.of(entries(Fixtures.model("b.pt")), entries(Fixtures.model("b-state.pt")));
        for (int i = 0; i < 600; i++) {
            Map<String, byte[]> entries = new LinkedHashMap<>(sources.get(i % 2));
            String pickle = entries.keySet().stream().filter(name -> name.endsWith("/data.pkl")).findFirst().orElseThrow();
            byte[] original = entries.get(pickle);
            byte[] damaged = i % 2 == 0 ? mutations.bytes(original, new int[0]) : insertOpcodes(mutations, original);
            entries.put(pickle, damaged);
            Path file = write("pickle" + i % 2 + ".pt", storedZip(entries));
            contract.check("pickle case " + i, () -> load(file));
        }
        contract.assertHeld();
    }

    @Test
    void damagedSafetensorsLoadOrFailInOneLine() throws IOException {
        Mutations mutations = new Mutations(16_003);
        OneLineContract contract = new OneLineContract("safetensors", WeightsException.class);
        Path converted = dir.resolve("b-converted.safetensors");
        WeightsConverter.convert(Fixtures.model("b.pt"), converted, DType.F16);
        List<byte[]> sources = List.of(fixture("b-hf.safetensors"), Files.readAllBytes(converted));
        for (int i = 0; i < 500; i++) {
            byte[] source = sources.get(i % 2);
            int headerEnd = 8 + (int) ByteBuffer.wrap(source).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
            byte[] damaged;
            if (i % 3 == 0) {
                damaged = mutations.bytes(source, spread(0, headerEnd, 97));
            } else {
                String header = new String(source, 8, headerEnd - 8, StandardCharsets.UTF_8);
                byte[] text = mutations.text(header, JSON_WORDS).getBytes(StandardCharsets.UTF_8);
                damaged = concat(le64(text.length), text, Arrays.copyOfRange(source, headerEnd, source.length));
            }
            Path file = write("case" + i % 2 + ".safetensors", damaged);
            contract.check("safetensors case " + i, () -> load(file));
        }
        contract.assertHeld();
    }

    @Test
    void damagedNpyFilesLoadOrFailInOneLine() throws IOException {
        Mutations mutations = new Mutations(16_004);
        OneLineContract contract = new OneLineContract("npy and npz", WeightsException.class);
        Path preprocess = Fixtures.model("b.pt").getParent().resolveSibling("preprocess");
        List<byte[]> arrays;
        try (Stream<Path> files = Files.list(preprocess)) {
            arrays = files.filter(p -> p.toString().endsWith(".npy")).sorted().limit(6).map(WeightsFuzzTest::bytes)
                    .toList();
        }
        for (int i = 0; i < 400; i++) {
            byte[] source = arrays.get(i % arrays.size());
            byte[] damaged;
            if (i % 2 == 0) {
                damaged = mutations.bytes(source, spread(0, 128, 8));
            } else {
                int headerLength = ByteBuffer.wrap(source).order(ByteOrder.LITTLE_ENDIAN).getShort(8);
                String header = new String(source, 10, headerLength, StandardCharsets.ISO_8859_1);
                byte[] text = mutations.text(header, NPY_WORDS).getBytes(StandardCharsets.ISO_8859_1);
                damaged = concat(Arrays.copyOf(source, 8), le16(text.length), text,
                        Arrays.copyOfRange(source, 10 + headerLength, source.length));
            }
            Path file = write("case.npy", damaged);
            contract.check("npy case " + i, () -> Npy.read(file).toFloats());
        }
        List<byte[]> archives = List.of(fixture("a-tensors.npz"), fixture("b-reference.npz"));
        for (int i = 0; i < 150; i++) {
            byte[] source = archives.get(i % 2);
            Path file = write("case.npz", mutations.bytes(source, zipHeaders(source)));
            contract.check("npz case " + i, () -> Npy.readArchive(file).values().forEach(Tensor::toFloats));
        }
        contract.assertHeld();
    }

    private static void load(Path file) {
        Checkpoint checkpoint = CheckpointReader.read(file);
        checkpoint.tensors().values().forEach(Tensor::toFloats);
        ClipWeights.of(checkpoint);
    }

    private static byte[] insertOpcodes(Mutations mutations, byte[] pickle) {
        byte[] out = pickle;
        for (int n = 1 + mutations.below(4); n > 0; n--) {
            int at = mutations.below(out.length);
            byte[] opcode = mutations.pick(PICKLE_OPCODES).getBytes(StandardCharsets.ISO_8859_1);
            out = concat(Arrays.copyOf(out, at), opcode, Arrays.copyOfRange(out, at, out.length));
        }
        return out;
    }

    /** Where zip records start: the places whose sizes and offsets steer the reader. */
    private static int[] zipHeaders(byte[] zip) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i + 3 < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] < 8 && zip[i + 3] < 8) {
                at.add(i);
            }
        }
        return at.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] spread(int from, int to, int step) {
        return java.util.stream.IntStream.iterate(from, i -> i < to, i -> i + step).toArray();
    }

    private static Map<String, byte[]> entries(Path zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (dev.clipig.weights.zip.ZipArchive archive = dev.clipig.weights.zip.ZipArchive.open(zip)) {
            for (String name : archive.names()) {
                ByteBuffer data = archive.read(name);
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                entries.put(name, bytes);
            }
        }
        return entries;
    }

    private static byte[] storedZip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                CRC32 crc = new CRC32();
                crc.update(entry.getValue());
                zipEntry.setMethod(ZipEntry.STORED);
                zipEntry.setSize(entry.getValue().length);
                zipEntry.setCrc(crc.getValue());
                out.putNextEntry(zipEntry);
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }

    private static byte[] fixture(String name) {
        return bytes(Fixtures.model(name));
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] le16(int value) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array();
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
