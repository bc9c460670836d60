package dev.clipig.clip.image;

import dev.clipig.ClipigException;
import java.nio.file.Path;

/** An image file that cannot be read or decoded; the message is one line naming the file. */
public final class ImageReadException extends ClipigException {
    public ImageReadException(Path file, String reason) {
        super("cannot read image " + file + ": " + reason);
    }

    public ImageReadException(Path file, String reason, Throwable cause) {
        super("cannot read image " + file + ": " + reason, cause);
    }
}
