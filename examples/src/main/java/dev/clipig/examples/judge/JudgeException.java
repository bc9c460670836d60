package dev.clipig.examples.judge;

import dev.clipig.ClipigException;

/** A judge's weights or a picture it cannot take. */
public final class JudgeException extends ClipigException {
    public JudgeException(String message) {
        super(message);
    }
}
