package dev.clipig.weights.safetensors;

import dev.clipig.io.InputFile;
import dev.clipig.weights.Checkpoint;
import dev.clipig.weights.DType;
import dev.clipig.weights.Tensor;
import dev.clipig.weights.WeightsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A safetensors file, read: an 8-byte little-endian header length, a JSON header giving each
 * tensor's dtype, shape and byte range in the data section, then the data.
 *
 * <p>Each tensor is a memory-mapped view of its bytes in the file, so opening a file costs
 * no copying; {@link Tensor#toFloats()} widens F16/BF16 on demand.
 */
public final class SafetensorsFile {
    public static final String FORMAT = "safetensors";
    /** Far above any real header; a larger claimed length means the file is something else. */
    private static final long MAX_HEADER = 100L << 20;
    private static final String METADATA = "__metadata__";

    private final Path path;
    private final Map<String, String> metadata;
    private final Map<String, Tensor> tensors;

    private SafetensorsFile(Path path, Map<String, String> metadata, Map<String, Tensor> tensors) {
        this.path = path;
        this.metadata = Collections.unmodifiableMap(metadata);
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    /** Whether the first bytes of a file look like a safetensors header: a plausible length, then '{'. */
    public static boolean looksLike(ByteBuffer head, long fileSize) {
        if (head.remaining() < 9) {
            return false;
        }
        long headerLength = head.duplicate().order(ByteOrder.LITTLE_ENDIAN).getLong(head.position());
        return headerLength >= 2 && headerLength <= Math.min(MAX_HEADER, fileSize - 8)
                && head.get(head.position() + 8) == '{';
    }

    public static SafetensorsFile open(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(path, channel);
        } catch (IOException e) {
            throw new WeightsException(path + ": cannot read: " + InputFile.describe(e), e);
        }
    }

    private static SafetensorsFile read(Path path, FileChannel channel) throws IOException {
        long fileSize = channel.size();
        ByteBuffer head = readFully(channel, 0, (int) Math.min(fileSize, 9));
        if (!looksLike(head, fileSize)) {
            throw new WeightsException(path + ": not a safetensors file (no valid header length and JSON header)");
        }
        int headerLength = (int) head.getLong(0);
        String headerText;
        try {
            headerText = StandardCharsets.UTF_8.newDecoder().decode(readFully(channel, 8, headerLength)).toString();
        } catch (CharacterCodingException e) {
            throw new WeightsException(path + ": corrupt safetensors header: not UTF-8", e);
        }
        Object parsedHeader;
        try {
            parsedHeader = Json.parse(headerText);
        } catch (IllegalArgumentException e) {
            throw new WeightsException(path + ": corrupt safetensors header: " + e.getMessage(), e);
        }
        if (!(parsedHeader instanceof Map<?, ?> header)) {
            throw new WeightsException(path + ": corrupt safetensors header: not a JSON object");
        }
        long dataStart = 8L + headerLength;
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, TensorHeader> parsed = new LinkedHashMap<>();
        header.forEach((key, value) -> {
            if (!METADATA.equals(key)) {
                parsed.put((String) key, TensorHeader.parse(path, (String) key, value));
            }
        });
        List<String> inFileOrder = parsed.keySet().stream()
                .sorted(Comparator.comparingLong(name -> parsed.get(name).begin()))
                .toList();
        for (String name : inFileOrder) {
            TensorHeader tensor = parsed.get(name);
            if (tensor.end() > fileSize - dataStart) {
                throw new WeightsException(path + ": truncated safetensors file: tensor '" + name
                        + "' ends at byte " + (dataStart + tensor.end()) + " of a " + fileSize + "-byte file");
            }
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + tensor.begin(),
                    tensor.end() - tensor.begin());
            try {
                tensors.put(name, Tensor.contiguous(tensor.dtype(), tensor.shape(), bytes));
            } catch (IllegalArgumentException e) {
                throw new WeightsException(path + ": safetensors tensor '" + name + "': " + e.getMessage(), e);
            }
        }
        if (header.get(METADATA) instanceof Map<?, ?> values) {
            values.forEach((key, value) -> {
                if (!(value instanceof String text)) {
                    throw new WeightsException(path + ": safetensors metadata '" + key + "' is not a string");
                }
                metadata.put((String) key, text);
            });
        } else if (header.containsKey(METADATA)) {
            throw new WeightsException(path + ": safetensors __metadata__ is not an object");
        }
        return new SafetensorsFile(path, metadata, tensors);
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        int read = 0;
        while (buffer.hasRemaining() && read >= 0) {
            read = channel.read(buffer, position + buffer.position());
        }
        return buffer.flip();
    }

    public Path path() {
        return path;
    }

    /** The header's {@code __metadata__}: string keys and values. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Tensor names in the order of their data in the file. */
    public Set<String> names() {
        return tensors.keySet();
    }

    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /** A tensor by name: its dtype, shape, bytes and {@link Tensor#toFloats()}. */
    public Tensor tensor(String name) {
        Tensor tensor = tensors.get(name);
        if (tensor == null) {
            throw new WeightsException(path + ": no tensor '" + name + "'");
        }
        return tensor;
    }

    public Checkpoint toCheckpoint() {
        return new Checkpoint(path, FORMAT, tensors);
    }

    /** One header entry: {@code {"dtype": "F16", "shape": [..], "data_offsets": [begin, end]}}. */
    private record TensorHeader(DType dtype, int[] shape, long begin, long end) {
        static TensorHeader parse(Path path, String name, Object value) {
            String where = path + ": safetensors tensor '" + name + "'";
            if (!(value instanceof Map<?, ?> fields) || !(fields.get("dtype") instanceof String dtypeName)
                    || !(fields.get("shape") instanceof List<?> shapeList)
                    || !(fields.get("data_offsets") instanceof List<?> offsets) || offsets.size() != 2
                    || !offsets.stream().allMatch(Long.class::isInstance)
                    || !shapeList.stream().allMatch(Long.class::isInstance)) {
                throw new WeightsException(where + " lacks a valid dtype, shape or data_offsets");
            }
            DType dtype = DType.fromSafetensorsName(dtypeName).orElseThrow(() -> new WeightsException(
                    where + " has dtype " + dtypeName + "; supported are F16, BF16, F32, F64 and I64"));
            long begin = (Long) offsets.get(0);
            long end = (Long) offsets.get(1);
            if (shapeList.size() > Tensor.MAX_RANK) {
                throw new WeightsException(where + " has " + shapeList.size() + " dimensions, more than "
                        + Tensor.MAX_RANK);
            }
            long bytes = dtype.byteSize();
            int[] shape = new int[shapeList.size()];
            for (int d = 0; d < shape.length; d++) {
                long size = (Long) shapeList.get(d);
                if (size < 0 || size > Integer.MAX_VALUE) {
                    throw new WeightsException(where + " has a bad shape " + shapeList);
                }
                shape[d] = (int) size;
                // Saturating: any count past 2 GiB is refused alike, and the product cannot overflow.
                bytes = Math.min(bytes * size, 1L << 32);
            }
            if (begin < 0 || end < begin || end - begin != bytes || bytes > Integer.MAX_VALUE) {
                throw new WeightsException(where + " spans bytes [" + begin + ", " + end + "), which does not fit"
                        + " shape " + shapeList + " of " + dtypeName + " (at most 2 GiB)");
            }
            return new TensorHeader(dtype, shape, begin, end);
        }
    }
}
