package dev.clipig.core.render;

import dev.clipig.ClipigException;

/** A run cannot go on because of something the user gave it (an image, a checkpoint); the message says what. */
public final class RenderException extends ClipigException {
    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
