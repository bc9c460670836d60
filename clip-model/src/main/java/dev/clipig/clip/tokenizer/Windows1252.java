package dev.clipig.clip.tokenizer;

/**
 * Windows-1252's reading of the bytes 0x80–0x9F, where Latin-1 has C1 controls. Python's
 * {@code html.unescape} uses it for numeric references in that range and ftfy for stray C1
 * controls; both let the five bytes Windows-1252 leaves undefined stand for themselves.
 */
final class Windows1252 {
    private static final String HIGH_CONTROLS =
            "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f"
            + "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

    private Windows1252() {
    }

    static boolean isC1Control(int codePoint) {
        return codePoint >= 0x80 && codePoint <= 0x9f;
    }

    /** The character Windows-1252 puts at {@code codePoint}, which must be a C1 control. */
    static char decodeC1(int codePoint) {
        return HIGH_CONTROLS.charAt(codePoint - 0x80);
    }
}
