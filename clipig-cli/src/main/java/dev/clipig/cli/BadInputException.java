package dev.clipig.cli;

import dev.clipig.ClipigException;

/** An input a command was given that it cannot use; the message is one line naming the option or file. */
final class BadInputException extends ClipigException {
    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }
}
