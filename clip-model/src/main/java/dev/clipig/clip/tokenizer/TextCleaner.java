package dev.clipig.clip.tokenizer;

import java.util.Locale;

/**
 * CLIP's text cleaning: ftfy's fixes, HTML references decoded twice, runs of whitespace made
 * one space, ends trimmed, lower case. Whitespace and lower case follow Python's {@code str}
 * rules, which CLIP's reference relies on.
 */
final class TextCleaner {
    private final HtmlEntities entities;
    private final TextFixer fixer;

    TextCleaner(HtmlEntities entities) {
        this.entities = entities;
        this.fixer = new TextFixer(entities);
    }

    String clean(String text) {
        String unescaped = entities.unescapeLeniently(entities.unescapeLeniently(fixer.fix(text)));
        return collapseWhitespace(unescaped).toLowerCase(Locale.ROOT);
    }

    /** Python's {@code re.sub(r"\s+", " ", text).strip()}. */
    private static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isPythonSpace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Python's {@code str.isspace} (bidirectional classes WS, B, S and the space separators), which
     * unlike Java's counts the no-break spaces; all of them lie in the BMP.
     */
    private static boolean isPythonSpace(char c) {
        return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0
                || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
                || c == 0x202f || c == 0x205f || c == 0x3000;
    }
}
