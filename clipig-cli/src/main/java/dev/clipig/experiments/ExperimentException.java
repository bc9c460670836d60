package dev.clipig.experiments;

import dev.clipig.ClipigException;

/** An experiment was given something it cannot use (a name, a count, a method); the message is one line. */
public final class ExperimentException extends ClipigException {
    private static final long serialVersionUID = 1L;

    public ExperimentException(String message) {
        super(message);
    }

    public ExperimentException(String message, Throwable cause) {
        super(message, cause);
    }
}
