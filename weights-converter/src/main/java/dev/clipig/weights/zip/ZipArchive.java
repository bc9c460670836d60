package dev.clipig.weights.zip;

import dev.clipig.weights.WeightsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The entries of a zip file, read from its central directory (zip64 included).
 *
 * <p>PyTorch stores tensor data uncompressed, so a stored entry is handed out as a read-only
 * memory map of its bytes in the file: hundreds of megabytes of weights are never copied onto
 * the heap. Deflated entries, which other zip writers produce, are inflated.
 */
public final class ZipArchive implements AutoCloseable {
    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_END_OF_DIRECTORY = 0x06064b50;
    private static final int END_OF_DIRECTORY_SIZE = 22;
    private static final int MAX_COMMENT = 0xffff;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final long UNSET_32 = 0xffffffffL;

    private record Entry(String name, int method, long compressedSize, long size, long localHeaderOffset) {
    }

    private final Path path;
    private final FileChannel channel;
    private final long fileSize;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private ZipArchive(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        this.fileSize = channel.size();
        readCentralDirectory();
    }

    /** Opens {@code path}, failing with a one-line message if it is not a complete zip file. */
    public static ZipArchive open(Path path) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
            return new ZipArchive(path, channel);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, e);
            if (e instanceof WeightsException w) {
                throw w;
            }
            throw new WeightsException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel, Exception cause) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                cause.addSuppressed(suppressed);
            }
        }
    }

    /** Entry names in the order of the central directory. */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(entries.keySet()));
    }

    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** The uncompressed size of an entry, or -1 if there is none by that name. */
    public long size(String name) {
        Entry entry = entries.get(name);
        return entry == null ? -1 : entry.size;
    }

    /** An entry's bytes, little-endian, valid after the archive is closed. */
    public ByteBuffer read(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new WeightsException(path + ": no entry '" + name + "' in the zip archive");
        }
        try {
            long dataStart = dataStart(entry);
            if (dataStart + entry.compressedSize > fileSize) {
                throw truncated("entry '" + name + "' ends past the end of the file");
            }
            ByteBuffer data = map(dataStart, entry.compressedSize, name);
            return switch (entry.method) {
                case STORED -> {
                    if (entry.size != entry.compressedSize) {
                        throw new WeightsException(path + ": corrupt zip archive: stored entry '" + name
                                + "' has two different sizes");
                    }
                    yield data;
                }
                case DEFLATED -> inflate(data, entry);
                default -> throw new WeightsException(path + ": entry '" + name
                        + "' uses zip compression method " + entry.method + "; only stored and deflated are supported");
            };
        } catch (IOException e) {
            throw new WeightsException(path + ": cannot read entry '" + name + "': " + e.getMessage(), e);
        }
    }

    private ByteBuffer map(long start, long length, String name) throws IOException {
        if (length > Integer.MAX_VALUE) {
            throw new WeightsException(path + ": entry '" + name + "' is larger than 2 GiB");
        }
        return channel.map(FileChannel.MapMode.READ_ONLY, start, length).order(ByteOrder.LITTLE_ENDIAN);
    }

    private ByteBuffer inflate(ByteBuffer compressed, Entry entry) {
        if (entry.size > Integer.MAX_VALUE) {
            throw new WeightsException(path + ": entry '" + entry.name + "' is larger than 2 GiB");
        }
        byte[] out = new byte[(int) entry.size];
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(compressed);
            int filled = 0;
            while (filled < out.length && !inflater.finished()) {
                int n = inflater.inflate(out, filled, out.length - filled);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                filled += n;
            }
            if (filled != out.length) {
                throw new WeightsException(path + ": entry '" + entry.name + "' inflates to " + filled
                        + " bytes, its header says " + entry.size);
            }
        } catch (DataFormatException e) {
            throw new WeightsException(path + ": entry '" + entry.name + "' is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        return ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    }

    private long dataStart(Entry entry) throws IOException {
        ByteBuffer header = readAt(entry.localHeaderOffset, 30, "local header of '" + entry.name + "'");
        if (header.getInt(0) != LOCAL_HEADER) {
            throw new WeightsException(path + ": corrupt zip archive: no local header for '" + entry.name + "'");
        }
        return entry.localHeaderOffset + 30 + (header.getShort(26) & 0xffff) + (header.getShort(28) & 0xffff);
    }

    private void readCentralDirectory() throws IOException {
        if (fileSize < 4) {
            throw notZip();
        }
        int magic = readAt(0, 4, "signature").getInt(0);
        if (magic != LOCAL_HEADER && magic != END_OF_DIRECTORY) {
            throw notZip();
        }
        int tailLength = (int) Math.min(fileSize, END_OF_DIRECTORY_SIZE + MAX_COMMENT);
        long tailStart = fileSize - tailLength;
        ByteBuffer tail = readAt(tailStart, tailLength, "end of central directory");
        int end = -1;
        for (int at = tailLength - END_OF_DIRECTORY_SIZE; at >= 0 && end < 0; at--) {
            if (tail.getInt(at) == END_OF_DIRECTORY) {
                end = at;
            }
        }
        if (end < 0) {
            throw truncated("no end-of-central-directory record");
        }
        long count = tail.getShort(end + 10) & 0xffff;
        long directorySize = tail.getInt(end + 12) & UNSET_32;
        long directoryStart = tail.getInt(end + 16) & UNSET_32;
        if (count == 0xffff || directorySize == UNSET_32 || directoryStart == UNSET_32) {
            long locatorAt = tailStart + end - 20;
            ByteBuffer locator = readAt(locatorAt, 20, "zip64 locator");
            if (locator.getInt(0) != ZIP64_LOCATOR) {
                throw truncated("no zip64 end-of-central-directory locator");
            }
            ByteBuffer end64 = readAt(locator.getLong(8), 56, "zip64 end of central directory");
            if (end64.getInt(0) != ZIP64_END_OF_DIRECTORY) {
                throw truncated("no zip64 end-of-central-directory record");
            }
            count = end64.getLong(32);
            directorySize = end64.getLong(40);
            directoryStart = end64.getLong(48);
        }
        if (directoryStart < 0 || directorySize < 0 || directoryStart + directorySize > fileSize
                || directorySize > Integer.MAX_VALUE) {
            throw truncated("the central directory lies outside the file");
        }
        ByteBuffer directory = readAt(directoryStart, (int) directorySize, "central directory");
        int at = 0;
        for (long i = 0; i < count; i++) {
            if (at + 46 > directory.limit() || directory.getInt(at) != CENTRAL_HEADER) {
                throw new WeightsException(path + ": corrupt zip archive: bad central directory entry " + i);
            }
            at = readCentralEntry(directory, at);
        }
    }

    /** Parses the central directory entry at {@code at} and returns where the next one starts. */
    private int readCentralEntry(ByteBuffer directory, int at) {
        int flags = directory.getShort(at + 8) & 0xffff;
        int method = directory.getShort(at + 10) & 0xffff;
        long compressedSize = directory.getInt(at + 20) & UNSET_32;
        long size = directory.getInt(at + 24) & UNSET_32;
        int nameLength = directory.getShort(at + 28) & 0xffff;
        int extraLength = directory.getShort(at + 30) & 0xffff;
        int commentLength = directory.getShort(at + 32) & 0xffff;
        long localHeaderOffset = directory.getInt(at + 42) & UNSET_32;
        int next = at + 46 + nameLength + extraLength + commentLength;
        if (next > directory.limit()) {
            throw new WeightsException(path + ": corrupt zip archive: central directory entry overruns it");
        }
        byte[] nameBytes = new byte[nameLength];
        directory.get(at + 46, nameBytes);
        String name = new String(nameBytes, StandardCharsets.UTF_8);
        if ((flags & 1) != 0) {
            throw new WeightsException(path + ": entry '" + name + "' is encrypted");
        }
        // A zip64 extra field holds, in this order, whichever of the three were too large.
        int extra = at + 46 + nameLength;
        for (int field = extra; field + 4 <= extra + extraLength; ) {
            int id = directory.getShort(field) & 0xffff;
            int length = directory.getShort(field + 2) & 0xffff;
            if (id == 1) {
                int value = field + 4;
                if (size == UNSET_32) {
                    size = directory.getLong(value);
                    value += 8;
                }
                if (compressedSize == UNSET_32) {
                    compressedSize = directory.getLong(value);
                    value += 8;
                }
                if (localHeaderOffset == UNSET_32) {
                    localHeaderOffset = directory.getLong(value);
                }
            }
            field += 4 + length;
        }
        entries.put(name, new Entry(name, method, compressedSize, size, localHeaderOffset));
        return next;
    }

    private ByteBuffer readAt(long position, int length, String what) throws IOException {
        if (position < 0 || position + length > fileSize) {
            throw truncated("the " + what + " lies outside the file");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw truncated("unexpected end of file in the " + what);
            }
        }
        return buffer.flip();
    }

    private WeightsException notZip() {
        return new WeightsException(path + ": not a zip archive");
    }

    private WeightsException truncated(String detail) {
        return new WeightsException(path + ": truncated or corrupt zip archive: " + detail);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new WeightsException(path + ": cannot close: " + e.getMessage(), e);
        }
    }
}
