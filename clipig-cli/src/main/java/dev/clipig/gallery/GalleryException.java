package dev.clipig.gallery;

/** A results folder the gallery cannot be made from; the message is one line naming the file. */
public final class GalleryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GalleryException(String message) {
        super(message);
    }

    public GalleryException(String message, Throwable cause) {
        super(message, cause);
    }
}
