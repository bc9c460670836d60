package dev.clipig.clip.tokenizer;

import dev.clipig.ClipigException;

/** A text that needs more tokens than the context holds, when truncation was not asked for. */
public final class TextTooLongException extends ClipigException {
    private static final int SHOWN_CHARACTERS = 40;

    TextTooLongException(String text, int tokens, int contextLength) {
        super("text \"" + abbreviate(text) + "\" needs " + tokens + " tokens, more than the context length "
                + contextLength);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        if (oneLine.codePointCount(0, oneLine.length()) <= SHOWN_CHARACTERS) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, SHOWN_CHARACTERS)) + "…";
    }
}
