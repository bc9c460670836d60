package dev.clipig;

/**
 * A user's mistake: a file, key, value or argument the project cannot use. Every such error is one
 * of these, so a caller (the CLI) catches one type and shows the message as it is.
 *
 * <p>The message is one line: control characters are escaped (a config value may carry a newline or
 * a terminal escape). Messages are written to be short, quoting values in excerpts; as a backstop
 * against a value echoed whole, one longer than {@link #MAX_LENGTH} characters keeps its head, which
 * names the file or key, and its tail, which says what is wrong. The limit leaves room for a message
 * that names a download's URL and the path to put it at in full.
 */
public class ClipigException extends RuntimeException {
    public static final int MAX_LENGTH = 400;
    private static final String CUT = " … ";
    private static final int TAIL = 100;
    private static final long serialVersionUID = 1L;

    public ClipigException(String message) {
        super(oneLine(message));
    }

    public ClipigException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** {@code text} with control characters escaped and cut to {@link #MAX_LENGTH} characters. */
    public static String oneLine(String text) {
        String escaped = escape(String.valueOf(text));
        if (escaped.length() <= MAX_LENGTH) return escaped;
        int head = MAX_LENGTH - CUT.length() - TAIL;
        return escaped.substring(0, head) + CUT + escaped.substring(escaped.length() - TAIL);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
