package dev.clipig.clip.tokenizer;

import java.text.Normalizer;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * The fixes that ftfy's {@code fix_text} (version 6, default settings) makes to text that is not
 * mojibake, which CLIP applies before tokenizing. ftfy is a Python library; this follows its
 * documented behaviour: the fixes run in ftfy's order and repeat until the text stops changing,
 * line by line:
 * <ol>
 *   <li>HTML references closed by ';' are decoded, unless a line so far contained '&lt;' (then
 *       this and every later line keep them, as ftfy's "auto" setting does);</li>
 *   <li>C1 controls (U+0080–U+009F) are read as Windows-1252;</li>
 *   <li>Latin ligatures and legacy digraphs are spelled out (ﬁ → fi, ĳ → ij, ǆ → dž, ...);</li>
 *   <li>half-width and full-width forms (U+FF01–U+FFEF) become their NFKC forms, and the
 *       ideographic space U+3000 a space;</li>
 *   <li>curly quotes become straight ones;</li>
 *   <li>CRLF, CR, U+2028, U+2029 and U+0085 become LF;</li>
 *   <li>ANSI terminal escapes are removed;</li>
 *   <li>control characters (U+0000–U+0008, U+000B, U+000E–U+001F, U+007F, U+206A–U+206F,
 *       U+FEFF, U+FFF9–U+FFFC) are removed;</li>
 *   <li>the text is put in NFC.</li>
 * </ol>
 * Not covered: ftfy's repair of mojibake (text decoded with the wrong encoding), which only
 * acts where its heuristics find such text, and its repair of lone surrogates, which only
 * Python strings can hold.
 */
final class TextFixer {
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001b\\[(?:\\p{Nd}|;)*[a-zA-Z]");
    private static final int FORMS_FIRST = 0xff01;
    private static final int FORMS_LAST = 0xffef;

    private final HtmlEntities entities;
    /** NFKC form of each half-width or full-width form, or null where it has none. */
    private final String[] widthForms;

    TextFixer(HtmlEntities entities) {
        this.entities = entities;
        this.widthForms = new String[FORMS_LAST - FORMS_FIRST + 1];
        for (int c = FORMS_FIRST; c <= FORMS_LAST; c++) {
            String form = Character.toString(c);
            String normal = Normalizer.normalize(form, Normalizer.Form.NFKC);
            widthForms[c - FORMS_FIRST] = normal.equals(form) ? null : normal;
        }
    }

    String fix(String text) {
        StringBuilder fixed = new StringBuilder(text.length());
        boolean unescape = true;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start) + 1;
            if (end == 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            unescape &= line.indexOf('<') < 0;
            fixed.append(fixLine(line, unescape));
            start = end;
        }
        return fixed.toString();
    }

    private String fixLine(String text, boolean unescape) {
        while (true) {
            String before = text;
            if (unescape) {
                text = entities.unescapeStrictly(text);
            }
            text = translate(text, c -> Windows1252.isC1Control(c) ? String.valueOf(Windows1252.decodeC1(c)) : null);
            text = translate(text, TextFixer::ligature);
            text = translate(text, this::standardWidth);
            text = translate(text, TextFixer::straightQuote);
            text = translate(text.replace("\r\n", "\n"), TextFixer::lineFeed);
            text = ANSI_ESCAPE.matcher(text).replaceAll("");
            text = translate(text, c -> isUnwantedControl(c) ? "" : null);
            text = Normalizer.normalize(text, Normalizer.Form.NFC);
            if (text.equals(before)) {
                return text;
            }
        }
    }

    /** Replaces each code point that {@code replacement} maps to non-null text. */
    private static String translate(String text, IntFunction<String> replacement) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            String replaced = replacement.apply(c);
            if (replaced != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (replaced != null) {
                out.append(replaced);
            } else if (out != null) {
                out.append(text, i, next);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    private String standardWidth(int c) {
        if (c == 0x3000) {
            return " ";
        }
        return c >= FORMS_FIRST && c <= FORMS_LAST ? widthForms[c - FORMS_FIRST] : null;
    }

    private static String straightQuote(int c) {
        if (c == 0x02bc || (c >= 0x2018 && c <= 0x201b)) {
            return "'";
        }
        return c >= 0x201c && c <= 0x201f ? "\"" : null;
    }

    private static String lineFeed(int c) {
        return c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85 ? "\n" : null;
    }

    private static String ligature(int c) {
        return switch (c) {
            case 0x0132 -> "IJ";
            case 0x0133 -> "ij";
            case 0x0149 -> "\u02bcn";
            case 0x01f1 -> "DZ";
            case 0x01f2 -> "Dz";
            case 0x01f3 -> "dz";
            case 0x01c4 -> "D\u017d";
            case 0x01c5 -> "D\u017e";
            case 0x01c6 -> "d\u017e";
            case 0x01c7 -> "LJ";
            case 0x01c8 -> "Lj";
            case 0x01c9 -> "lj";
            case 0x01ca -> "NJ";
            case 0x01cb -> "Nj";
            case 0x01cc -> "nj";
            case 0xfb00 -> "ff";
            case 0xfb01 -> "fi";
            case 0xfb02 -> "fl";
            case 0xfb03 -> "ffi";
            case 0xfb04 -> "ffl";
            case 0xfb05 -> "\u017ft";
            case 0xfb06 -> "st";
            default -> null;
        };
    }

    private static boolean isUnwantedControl(int c) {
        return c <= 0x08 || c == 0x0b || (c >= 0x0e && c <= 0x1f) || c == 0x7f
                || (c >= 0x206a && c <= 0x206f) || c == 0xfeff || (c >= 0xfff9 && c <= 0xfffc);
    }
}
