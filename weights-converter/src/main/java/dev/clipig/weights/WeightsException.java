package dev.clipig.weights;

import dev.clipig.ClipigException;

/**
 * A weights file that cannot be read or written: its message is one line naming the file and
 * what is wrong with it, fit to show a user as is.
 */
public final class WeightsException extends ClipigException {
    private static final long serialVersionUID = 1L;

    public WeightsException(String message) {
        super(message);
    }

    public WeightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
