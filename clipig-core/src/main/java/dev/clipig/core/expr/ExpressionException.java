package dev.clipig.core.expr;

import dev.clipig.ClipigException;
import java.util.Objects;

/**
 * A malformed expression or a failed evaluation, with a one-line message naming the expression and,
 * where known, the 1-based column of the offending part.
 *
 * <p>Value conversions deep inside the evaluator do not know the expression they belong to; they throw
 * an unlocated exception that the enclosing node and {@link Expression} complete with
 * {@link #locate(String, int)}.
 */
public final class ExpressionException extends ClipigException {

    private static final int EXCERPT_LENGTH = 80;

    private final String reason;
    private final String source;
    private final int column;

    /** An error whose expression and position are filled in further up. */
    public ExpressionException(String reason) {
        this(reason, null, 0);
    }

    ExpressionException(String reason, String source, int column) {
        super(format(reason, source, column));
        this.reason = reason;
        this.source = source;
        this.column = column;
    }

    /** What went wrong, without the location. */
    public String reason() {
        return reason;
    }

    /** The expression text, or {@code null} while not yet known. */
    public String source() {
        return source;
    }

    /** 1-based column in {@link #source()}, or 0 where the error has no single position. */
    public int column() {
        return column;
    }

    /** This error with whatever location it still lacks taken from the arguments ({@code null}/0: unknown). */
    ExpressionException locate(String source, int column) {
        String newSource = this.source != null ? this.source : source;
        int newColumn = this.column > 0 ? this.column : column;
        if (Objects.equals(newSource, this.source) && newColumn == this.column) {
            return this;
        }
        ExpressionException located = new ExpressionException(reason, newSource, newColumn);
        located.setStackTrace(getStackTrace());
        return located;
    }

    private static String format(String reason, String source, int column) {
        if (source == null) {
            return reason;
        }
        String where = column > 0 ? " at column " + column : "";
        return reason + where + " in expression '" + excerpt(source) + "'";
    }

    /** The expression on one line and cut to a readable length. */
    private static String excerpt(String source) {
        String head = source.length() > 2 * EXCERPT_LENGTH ? source.substring(0, 2 * EXCERPT_LENGTH) : source;
        String oneLine = head.replaceAll("\\s+", " ").strip();
        boolean cut = head.length() < source.length() || oneLine.length() > EXCERPT_LENGTH;
        return cut ? oneLine.substring(0, Math.min(oneLine.length(), EXCERPT_LENGTH - 3)) + "..." : oneLine;
    }
}
