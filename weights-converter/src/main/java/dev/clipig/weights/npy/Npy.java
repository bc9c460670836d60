package dev.clipig.weights.npy;

import dev.clipig.io.InputFile;
import dev.clipig.io.OutputFile;
import dev.clipig.weights.DType;
import dev.clipig.weights.Tensor;
import dev.clipig.weights.WeightsException;
import dev.clipig.weights.zip.ZipArchive;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * NumPy's {@code .npy} arrays and {@code .npz} archives of them: little-endian, C order, the
 * element types of {@link DType}. Used for reference data and the {@code embed} command's files.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<|=>]?)([a-z]\\d+)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
    private static final Pattern DIM = Pattern.compile("\\d+");
    private static final Map<String, DType> TYPES = Map.of("f2", DType.F16, "f4", DType.F32, "f8", DType.F64,
            "i8", DType.I64);

    private Npy() {
    }

    /** One {@code .npy} file. */
    public static Tensor read(Path path) {
        InputFile.fault(path).ifPresent(fault -> {
            throw new WeightsException(path + ": " + fault);
        });
        try {
            if (Files.size(path) > Integer.MAX_VALUE) {
                throw new WeightsException(path + ": larger than the 2 GiB an .npy array may have here");
            }
            return parse(ByteBuffer.wrap(Files.readAllBytes(path)), path.toString());
        } catch (IOException e) {
            throw new WeightsException(path + ": cannot read: " + InputFile.describe(e), e);
        }
    }

    /** Every array of an {@code .npz} archive by name (without the {@code .npy} suffix), in archive order. */
    public static Map<String, Tensor> readArchive(Path path) {
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        try (ZipArchive zip = ZipArchive.open(path)) {
            for (String entry : zip.names()) {
                arrays.put(entry.replaceFirst("\\.npy$", ""), parse(zip.read(entry), path + ":" + entry));
            }
        }
        return arrays;
    }

    /** Writes float32 values of the given shape as {@code .npy} through {@link OutputFile}. */
    public static void writeFloats(Path path, float[] values, long... shape) {
        if (Arrays.stream(shape).reduce(1, Math::multiplyExact) != values.length) {
            throw new IllegalArgumentException(values.length + " values do not fill shape " + Arrays.toString(shape));
        }
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "))
                + (shape.length == 1 ? "," : "");
        StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }");
        while ((MAGIC.length + 4 + header.length() + 1) % 64 != 0) header.append(' ');
        header.append('\n');
        ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(values);
        OutputFile.write(path, temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(MAGIC);
                out.write(new byte[] {1, 0, (byte) header.length(), (byte) (header.length() >> 8)});
                out.write(header.toString().getBytes(StandardCharsets.US_ASCII));
                out.write(data.array());
            }
            return path;
        });
    }

    private static byte[] read(ByteBuffer bytes, byte[] into) {
        bytes.get(into);
        return into;
    }

    private static Tensor parse(ByteBuffer bytes, String source) {
        bytes.order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        if (bytes.remaining() < 10 || !Arrays.equals(read(bytes, magic), MAGIC)) {
            throw new WeightsException(source + ": not an .npy array");
        }
        int major = bytes.get();
        bytes.get();
        if (major < 1 || major > 3 || (major > 1 && bytes.remaining() < 4)) {
            throw new WeightsException(source + ": unsupported .npy format version " + major);
        }
        int headerLength = major == 1 ? Short.toUnsignedInt(bytes.getShort()) : bytes.getInt();
        if (headerLength < 0 || headerLength > bytes.remaining()) {
            throw new WeightsException(source + ": truncated .npy header");
        }
        byte[] headerBytes = new byte[headerLength];
        bytes.get(headerBytes);
        String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header), order = ORDER.matcher(header), shape = SHAPE.matcher(header);
        if (!descr.find() || !order.find() || !shape.find()) {
            throw new WeightsException(source + ": malformed .npy header: it lacks a valid "
                    + (!descr.find(0) ? "'descr'" : !order.find(0) ? "'fortran_order'" : "'shape'"));
        }
        DType type = TYPES.get(descr.group(2));
        if (type == null || descr.group(1).equals(">")) {
            throw new WeightsException(source + ": unsupported element type '" + descr.group(1) + descr.group(2) + "'");
        }
        if (order.group(1).equals("True")) {
            throw new WeightsException(source + ": Fortran-ordered arrays are not supported");
        }
        int[] dims = dims(shape.group(1), source);
        try {
            long bytesNeeded = Tensor.byteSize(type, dims);
            if (bytes.remaining() < bytesNeeded) {
                throw new WeightsException(source + ": truncated .npy data: shape " + Arrays.toString(dims)
                        + " needs " + bytesNeeded + " bytes, " + bytes.remaining() + " follow the header");
            }
            return Tensor.contiguous(type, dims, bytes.slice().limit((int) bytesNeeded));
        } catch (IllegalArgumentException e) {
            throw new WeightsException(source + ": " + e.getMessage(), e);
        }
    }

    private static int[] dims(String shape, String source) {
        String[] parts = Arrays.stream(shape.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
        if (parts.length > Tensor.MAX_RANK) {
            throw new WeightsException(source + ": .npy shape has " + parts.length + " dimensions, more than "
                    + Tensor.MAX_RANK);
        }
        int[] dims = new int[parts.length];
        for (int d = 0; d < dims.length; d++) {
            if (!DIM.matcher(parts[d]).matches() || parts[d].length() > 10
                    || Long.parseLong(parts[d]) > Integer.MAX_VALUE) {
                throw new WeightsException(source + ": .npy shape holds '" + parts[d]
                        + "', not a size from 0 to " + Integer.MAX_VALUE);
            }
            dims[d] = Integer.parseInt(parts[d]);
        }
        return dims;
    }
}
