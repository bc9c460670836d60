package dev.clipig.weights.safetensors;

import dev.clipig.io.OutputFile;
import dev.clipig.weights.DType;
import dev.clipig.weights.Elements;
import dev.clipig.weights.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes tensors, converted to one dtype, as a safetensors file.
 *
 * <p>The file appears whole or not at all ({@link OutputFile}), flushed to disk before it takes
 * its name. Tensors stream through one small
 * buffer, so writing costs no more heap than the largest non-contiguous tensor.
 */
public final class SafetensorsWriter {
    private static final int CHUNK_BYTES = 4 << 20;
    private static final int HEADER_ALIGNMENT = 8;

    private SafetensorsWriter() {
    }

    /**
     * @param tensors written in this order
     * @param dtype F16 or F32
     * @return the size of the file written, in bytes
     */
    public static long write(Path out, Map<String, Tensor> tensors, DType dtype, Map<String, String> metadata) {
        if (dtype != DType.F16 && dtype != DType.F32) {
            throw new IllegalArgumentException("weights are written as F16 or F32, not " + dtype);
        }
        return OutputFile.write(out, temporary -> writeFile(temporary, tensors, dtype, metadata));
    }

    private static long writeFile(Path path, Map<String, Tensor> tensors, DType dtype, Map<String, String> metadata)
            throws IOException {
        byte[] header = header(tensors, dtype, metadata);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer prefix = ByteBuffer.allocate(Long.BYTES + header.length).order(ByteOrder.LITTLE_ENDIAN);
            drain(prefix.putLong(header.length).put(header), channel);
            ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor tensor : tensors.values()) {
                ByteBuffer source = tensor.contiguousBytes();
                int count = Math.toIntExact(tensor.numel());
                for (int first = 0; first < count; ) {
                    int n = Math.min(count - first, chunk.remaining() / dtype.byteSize());
                    if (n == 0) {
                        drain(chunk, channel);
                        continue;
                    }
                    Elements.convert(source, tensor.dtype(), first, n, chunk, dtype);
                    first += n;
                }
            }
            drain(chunk, channel);
            channel.force(true);
            return channel.size();
        }
    }

    private static void drain(ByteBuffer chunk, FileChannel channel) throws IOException {
        chunk.flip();
        while (chunk.hasRemaining()) {
            channel.write(chunk);
        }
        chunk.clear();
    }

    /** The JSON header, padded with spaces so the data after it starts 8-byte aligned. */
    private static byte[] header(Map<String, Tensor> tensors, DType dtype, Map<String, String> metadata) {
        StringJoiner json = new StringJoiner(",", "{", "}");
        StringJoiner meta = new StringJoiner(",", "{", "}");
        metadata.forEach((key, value) -> meta.add(Json.quote(key) + ":" + Json.quote(value)));
        json.add("\"__metadata__\":" + meta);
        long offset = 0;
        for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
            long size = entry.getValue().numel() * dtype.byteSize();
            String shape = Arrays.toString(entry.getValue().shape()).replace(" ", "");
            json.add(Json.quote(entry.getKey()) + ":{\"dtype\":\"" + dtype.safetensorsName() + "\",\"shape\":" + shape
                    + ",\"data_offsets\":[" + offset + "," + (offset + size) + "]}");
            offset += size;
        }
        byte[] text = json.toString().getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(text, (text.length + HEADER_ALIGNMENT - 1) / HEADER_ALIGNMENT * HEADER_ALIGNMENT);
        Arrays.fill(padded, text.length, padded.length, (byte) ' ');
        return padded;
    }
}
