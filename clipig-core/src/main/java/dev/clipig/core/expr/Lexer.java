package dev.clipig.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits an expression into numbers, names and the operators of the supported Python subset. */
final class Lexer {

    private static final Set<String> TWO_CHAR_OPERATORS = Set.of("**", "//", "<=", ">=", "==", "!=");
    private static final String ONE_CHAR_OPERATORS = "+-*/%()[]{},:.<>";
    private static final Set<String> UNSUPPORTED_OPERATORS = Set.of("<<", ">>", "&", "|", "^", "~", "@");

    private final String source;
    private int position;

    private Lexer(String source) {
        this.source = source;
    }

    static List<Token> tokenize(String source) {
        return new Lexer(source).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (position < source.length() && Character.isWhitespace(source.charAt(position))) {
                position++;
            }
            if (position >= source.length()) {
                tokens.add(new Token(Token.Kind.END, "", position + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = position;
        char c = source.charAt(position);
        if (isDigit(c) || (c == '.' && position + 1 < source.length() && isDigit(source.charAt(position + 1)))) {
            return number();
        }
        if (isNameStart(c)) {
            while (position < source.length() && isNamePart(source.charAt(position))) {
                position++;
            }
            return new Token(Token.Kind.NAME, source.substring(start, position), start + 1);
        }
        if (c == '\'' || c == '"') {
            return string(c);
        }
        String two = source.substring(start, Math.min(source.length(), start + 2));
        String one = String.valueOf(c);
        if (UNSUPPORTED_OPERATORS.contains(two) || UNSUPPORTED_OPERATORS.contains(one)) {
            String op = UNSUPPORTED_OPERATORS.contains(two) ? two : one;
            throw error("operator '" + op + "' is not supported", start);
        }
        if (TWO_CHAR_OPERATORS.contains(two)) {
            position += 2;
            return new Token(Token.Kind.OPERATOR, two, start + 1);
        }
        if (ONE_CHAR_OPERATORS.indexOf(c) >= 0) {
            position++;
            return new Token(Token.Kind.OPERATOR, one, start + 1);
        }
        if (c == '=') {
            throw error("'=' is not allowed here (compare with '==')", start);
        }
        String shown = c >= ' ' && c < 127 ? "'" + c + "'" : String.format("U+%04X", (int) c);
        throw error("unexpected character " + shown, start);
    }

    /** A decimal int or float literal as Python writes them: {@code 12}, {@code 1.}, {@code .5}, {@code 1e-3}. */
    private Token number() {
        int start = position;
        boolean isFloat = false;
        skipDigits();
        if (position < source.length() && source.charAt(position) == '.') {
            isFloat = true;
            position++;
            skipDigits();
        }
        if (position < source.length() && (source.charAt(position) == 'e' || source.charAt(position) == 'E')) {
            isFloat = true;
            position++;
            if (position < source.length() && (source.charAt(position) == '+' || source.charAt(position) == '-')) {
                position++;
            }
            int digits = position;
            skipDigits();
            if (digits == position) {
                throw error("invalid number literal", start);
            }
        }
        if (position < source.length() && (isNamePart(source.charAt(position)) || source.charAt(position) == '.')) {
            throw error("invalid number literal", start);
        }
        String text = source.substring(start, position);
        if (!isFloat && text.length() > 1 && text.charAt(0) == '0' && !text.matches("0+")) {
            throw error("leading zeros in decimal integer literals are not permitted", start);
        }
        return new Token(Token.Kind.NUMBER, text, start + 1);
    }

    /** Strings are lexed only so that the parser can reject them where they stand. */
    private Token string(char quote) {
        int start = position++;
        while (position < source.length() && source.charAt(position) != quote) {
            position += source.charAt(position) == '\\' ? 2 : 1;
        }
        if (position >= source.length()) {
            throw error("unterminated string literal", start);
        }
        position++;
        return new Token(Token.Kind.STRING, source.substring(start, position), start + 1);
    }

    private void skipDigits() {
        while (position < source.length() && isDigit(source.charAt(position))) {
            position++;
        }
    }

    private ExpressionException error(String reason, int index) {
        return new ExpressionException(reason, source, index + 1);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
