package dev.clipig.core.expr;

/** A lexical token with its 1-based column. */
record Token(Kind kind, String text, int column) {

    enum Kind { NUMBER, NAME, OPERATOR, STRING, END }

    boolean is(String operatorOrKeyword) {
        return (kind == Kind.NAME || kind == Kind.OPERATOR) && text.equals(operatorOrKeyword);
    }
}
