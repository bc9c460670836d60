package dev.clipig.gallery;

import dev.clipig.ClipigException;

/** A results folder the gallery cannot be made from; the message is one line naming the file. */
public final class GalleryException extends ClipigException {
    private static final long serialVersionUID = 1L;

    public GalleryException(String message) {
        super(message);
    }

    public GalleryException(String message, Throwable cause) {
        super(message, cause);
    }
}
