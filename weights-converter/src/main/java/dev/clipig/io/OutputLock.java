package dev.clipig.io;

import dev.clipig.ClipigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Keeps a second run from writing an output another run is writing: a lock file beside the output
 * ({@code cat.png.lock}), locked by the operating system for as long as the run holds it, so a killed
 * run's lock is free again at once. The file names the holder's process for the second run's message
 * and is removed when the holder is done.
 *
 * <p>Removing a lock file races with a run that opened it just before: that run may lock the removed
 * file while a third locks the new one. So a run checks, by the file's identity, that the path named
 * the file it opened before and after locking it, and tries again otherwise. (Reading the file back
 * would not do: closing any channel on a file releases the process's lock on it.)
 *
 * <p>The lock keeps processes apart. Within one process, runs of one output are the caller's to order
 * (the studio runs one render at a time): the operating system's locks belong to a process, and closing
 * any channel on the file, as a refused second run does, would release the first run's lock.
 */
public final class OutputLock implements AutoCloseable {
    private static final int ATTEMPTS = 4;
    private static final Object NO_IDENTITY = new Object();

    private final Path file;
    private final FileChannel channel;

    private OutputLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** The lock file guarding {@code output}. */
    public static Path fileOf(Path output) {
        return output.resolveSibling(output.getFileName() + ".lock");
    }

    /**
     * Locks {@code output} for this run, making its folder if need be.
     *
     * @throws ClipigException naming the output and the process holding it, when another run does
     */
    public static OutputLock acquire(Path output) {
        Path file = fileOf(output);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Object before = keyOf(file);
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                Object opened = keyOf(file);
                if (before == null || !before.equals(opened)) {
                    channel.close();   // made or replaced meanwhile: which file the channel has is unknown
                    continue;
                }
                if (!tryLock(channel)) {
                    channel.close();
                    throw busy(output, file);
                }
                if (opened.equals(keyOf(file))) {
                    byte[] holder = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
                    channel.truncate(0).write(ByteBuffer.wrap(holder), 0);
                    return new OutputLock(file, channel);
                }
                channel.close();
            }
            throw busy(output, file);
        } catch (IOException e) {
            throw new ClipigException(output + ": cannot write its lock file " + file.getFileName() + ": "
                    + InputFile.describe(e), e);
        }
    }

    private static boolean tryLock(FileChannel channel) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    /**
     * The identity of the file {@code file} names now, or null if none. While a channel holds a file
     * open its identity cannot pass to another file, so an unchanged identity means the same file.
     * Where files have no identity (Windows), the check is only that the file is there.
     */
    private static Object keyOf(Path file) throws IOException {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key != null ? key : NO_IDENTITY;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static ClipigException busy(Path output, Path file) {
        String holder;
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            holder = pid.matches("\\d{1,19}") ? "another run (process " + pid + ")" : "another run";
        } catch (IOException e) {
            holder = "another run";
        }
        return new ClipigException(output + ": " + holder + " is writing this image (it holds " + file.getFileName()
                + "); wait for it to finish or name another output");
    }

    /** Removes the lock file, then lets go of the lock: whoever waits finds no file or a new one. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A lock file left behind is free once the channel closes; the next run takes it over.
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Closing releases the lock; the operating system does so anyway when the process ends.
        }
    }
}
