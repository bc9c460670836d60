package dev.clipig.weights.zip;

import dev.clipig.io.InputFile;
import dev.clipig.weights.WeightsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
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
 *
 * <p>A hostile archive cannot make it allocate much more than the file holds: every size and
 * offset must lie inside the file, entries may not overlap (a zip bomb's trick of inflating one
 * stream under many names), an entry may claim at most {@value #MAX_RATIO} times its compressed
 * size (far above what weights or pickles compress by, far below deflate's 1032), and inflating
 * grows its buffer only as bytes actually come out.
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
    private static final int LOCAL_HEADER_SIZE = 30;
    static final int MAX_RATIO = 200;
    private static final int FIRST_CHUNK = 1 << 16;

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
        } catch (WeightsException e) {
            closeQuietly(channel, e);
            throw e;
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new WeightsException(path + ": cannot read: " + InputFile.describe(e), e);
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
        if (entry.size > Integer.MAX_VALUE - 8) {
            throw new WeightsException(path + ": entry '" + entry.name + "' is larger than 2 GiB");
        }
        int size = (int) entry.size;
        byte[] out = new byte[Math.min(size, FIRST_CHUNK)];
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(compressed);
            int filled = 0;
            while (filled < size && !inflater.finished()) {
                if (filled == out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(size, 2L * out.length));
                }
                int n = inflater.inflate(out, filled, out.length - filled);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                filled += n;
            }
            if (filled != size) {
                throw new WeightsException(path + ": entry '" + entry.name + "' inflates to " + filled
                        + " bytes, its header says " + size);
            }
        } catch (DataFormatException e) {
            throw new WeightsException(path + ": entry '" + entry.name + "' is corrupt deflate data", e);
        } finally {
            inflater.end();
        }
        return ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    }

    private long dataStart(Entry entry) throws IOException {
        ByteBuffer header = readAt(entry.localHeaderOffset, LOCAL_HEADER_SIZE, "local header of '" + entry.name + "'");
        if (header.getInt(0) != LOCAL_HEADER) {
            throw new WeightsException(path + ": corrupt zip archive: no local header for '" + entry.name + "'");
        }
        return entry.localHeaderOffset + LOCAL_HEADER_SIZE + (header.getShort(26) & 0xffff) + (header.getShort(28) & 0xffff);
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
        checkNoOverlap(directoryStart);
    }

    /**
     * Each entry's header and compressed data must end before the next entry (or the central
     * directory) begins; the names and extra fields between are not counted, so this bound is loose
     * but enough to keep one compressed stream from being read under two names.
     */
    private void checkNoOverlap(long directoryStart) {
        List<Entry> byOffset = new ArrayList<>(entries.values());
        byOffset.sort(Comparator.comparingLong(Entry::localHeaderOffset));
        for (int i = 0; i < byOffset.size(); i++) {
            Entry entry = byOffset.get(i);
            long next = i + 1 < byOffset.size() ? byOffset.get(i + 1).localHeaderOffset : directoryStart;
            if (entry.localHeaderOffset + LOCAL_HEADER_SIZE + entry.compressedSize > next) {
                throw new WeightsException(path + ": corrupt zip archive: entry '" + entry.name
                        + "' overlaps the " + (i + 1 < byOffset.size() ? "next entry" : "central directory"));
            }
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
                long[] wide = {size, compressedSize, localHeaderOffset};
                int value = field + 4;
                for (int i = 0; i < wide.length; i++) {
                    if (wide[i] == UNSET_32) {
                        if (value + 8 > field + 4 + length || value + 8 > directory.limit()) {
                            throw new WeightsException(path + ": corrupt zip archive: short zip64 field of '"
                                    + name + "'");
                        }
                        wide[i] = directory.getLong(value);
                        value += 8;
                    }
                }
                size = wide[0];
                compressedSize = wide[1];
                localHeaderOffset = wide[2];
            }
            field += 4 + length;
        }
        if (compressedSize < 0 || size < 0 || localHeaderOffset < 0 || compressedSize > fileSize
                || localHeaderOffset > fileSize - LOCAL_HEADER_SIZE) {
            throw new WeightsException(path + ": corrupt zip archive: entry '" + name + "' declares sizes or an"
                    + " offset outside the " + fileSize + "-byte file");
        }
        if (method == DEFLATED && size > Math.max(compressedSize, FIRST_CHUNK) * (long) MAX_RATIO) {
            throw new WeightsException(path + ": entry '" + name + "' claims to inflate " + compressedSize
                    + " bytes to " + size + ", more than " + MAX_RATIO + " times: a zip bomb or a corrupt archive");
        }
        if (entries.put(name, new Entry(name, method, compressedSize, size, localHeaderOffset)) != null) {
            throw new WeightsException(path + ": corrupt zip archive: two entries named '" + name + "'");
        }
        return next;
    }

    private ByteBuffer readAt(long position, int length, String what) throws IOException {
        if (position < 0 || position > fileSize - length) {
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
