package dev.clipig.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What keeps a file the user named from being read, said the way a user would: a directory is
 * "a directory", not "no such file", and an I/O failure is named by its kind, not by Java's
 * exception text (which for a missing file is just the path again).
 */
public final class InputFile {
    private InputFile() {
    }

    /** Why {@code path} cannot be read as a file, or empty if it is a readable regular file. */
    public static Optional<String> fault(Path path) {
        if (Files.isDirectory(path)) {
            return Optional.of("is a directory, not a file");
        }
        if (!Files.exists(path)) {
            return Optional.of("no such file");
        }
        if (!Files.isRegularFile(path)) {
            return Optional.of("is not a regular file");
        }
        if (!Files.isReadable(path)) {
            return Optional.of("permission denied");
        }
        return Optional.empty();
    }

    /**
     * A failed read or write, described without repeating the path the caller already names (NIO
     * puts it first in its messages) and without Java's class names.
     */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
