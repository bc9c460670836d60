package dev.clipig.io;

import dev.clipig.ClipigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;

/**
 * How every file the project writes reaches the disk, and the rules that keep a user's files safe.
 * The content is written beside its place under a temporary name, then moved over it in one step: a
 * reader sees the old file or the new one, never half of one, and a failed write leaves the old one.
 * <ul>
 *   <li>The output is a new name or a regular file. A directory, a device, a FIFO or an empty name is
 *       refused (moving over them would replace them with a regular file); a link is followed and
 *       the file it names is replaced, so the link stays.</li>
 *   <li>A replaced file keeps its permissions; a new one gets the process's defaults (its umask).</li>
 *   <li>The temporary file is gone afterwards, whatever happened.</li>
 * </ul>
 */
public final class OutputFile {

    /** Writes a new file at the path it is given; what it returns, {@link #write} returns. */
    @FunctionalInterface
    public interface Content<T> {
        T writeTo(Path temporary) throws IOException;
    }

    private OutputFile() {
    }

    /**
     * Writes {@code file} through a temporary file beside it.
     *
     * @throws ClipigException naming the file, when it is not a place to write or the write fails
     */
    public static <T> T write(Path file, Content<T> content) {
        Path target = target(file);
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            T result = content.writeTo(temporary);
            keepPermissions(target, temporary);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } catch (IOException e) {
            throw new ClipigException(file + ": cannot write: " + InputFile.describe(e), e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // Only a vanished directory or lost permission gets here; the write's own error says more.
            }
        }
    }

    /** Writes {@code text} as UTF-8 to {@code file} by {@link #write}. */
    public static void writeText(Path file, CharSequence text) {
        write(file, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
    }

    /**
     * Refuses now what {@link #write} would refuse, so that a long run fails before it starts.
     *
     * @throws ClipigException naming the file, when it is not a place to write
     */
    public static void check(Path file) {
        target(file);
    }

    /** The absolute, link-free place {@code file} names, or a one-line refusal. */
    static Path target(Path file) {
        if (file.toString().isEmpty()) throw new ClipigException("an output needs a file name, not \"\"");
        Path absolute = file.toAbsolutePath().normalize();
        try {
            if (Files.isDirectory(absolute)) throw refusal(file, "is a directory");
            if (Files.exists(absolute)) {
                if (!Files.isRegularFile(absolute)) {
                    throw refusal(file, "is not a regular file (a device, a FIFO or a socket)");
                }
                return absolute.toRealPath();
            }
            if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) throw refusal(file, "is a link to nothing");
            Path parent = absolute.getParent();
            if (parent == null || !Files.isDirectory(parent)) throw refusal(file, "no directory " + parent);
            return parent.toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            throw new ClipigException(file + ": cannot write: " + InputFile.describe(e), e);
        }
    }

    private static ClipigException refusal(Path file, String why) {
        return new ClipigException(file + ": cannot write: " + why);
    }

    private static void keepPermissions(Path target, Path temporary) throws IOException {
        if (Files.exists(target) && Files.getFileAttributeView(target, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
        }
    }
}
