package dev.clipig.clip.image;

import dev.clipig.ClipigException;
import java.nio.file.Path;

/** An image file that cannot be read or decoded; the message is one line naming the file. */
public final class ImageReadException extends ClipigException {
    /** @param file the image's file, or null for an image given decoded */
    public ImageReadException(Path file, String reason) {
        super(prefix(file) + reason);
    }

    public ImageReadException(Path file, String reason, Throwable cause) {
        super(prefix(file) + reason, cause);
    }

    private static String prefix(Path file) {
        return file == null ? "cannot use the image: " : "cannot read image " + file + ": ";
    }
}
