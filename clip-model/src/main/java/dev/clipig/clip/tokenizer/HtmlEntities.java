package dev.clipig.clip.tokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML character references, decoded two ways: leniently as Python's {@code html.unescape}
 * (which CLIP's cleaning applies twice), and strictly as ftfy's {@code unescape_html} fix (only
 * references closed by ';', plus upper-cased names such as {@code &EACUTE;}).
 *
 * <p>The named references come from WHATWG's table, bundled as {@code html5-entities.tsv}.
 */
final class HtmlEntities {
    private static final String RESOURCE = "html5-entities.tsv";

    /** Python's {@code html._charref}. */
    private static final Pattern LENIENT_REFERENCE =
            Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\\t\\n\\f <&#;]{1,32};?)");
    /** ftfy's {@code HTML_ENTITY_RE}. */
    private static final Pattern STRICT_REFERENCE = Pattern.compile("&#?[0-9A-Za-z]{1,24};");
    private static final BigInteger MAX_CODE_POINT = BigInteger.valueOf(Character.MAX_CODE_POINT);

    /** Name, with or without its ';', to the text it stands for. */
    private final Map<String, String> named;
    /** ftfy's table: "&name;" to its text, with the upper-cased names it accepts. */
    private final Map<String, String> strict;

    private HtmlEntities(Map<String, String> named) {
        this.named = named;
        this.strict = strictTable(named);
    }

    static HtmlEntities load() {
        try (InputStream in = HtmlEntities.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, String> named = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split("\t");
                StringBuilder text = new StringBuilder();
                for (String hex : fields[1].split(" ")) {
                    text.appendCodePoint(Integer.parseInt(hex, 16));
                }
                named.put(fields[0], text.toString());
            }
            return new HtmlEntities(Map.copyOf(named));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
    }

    /** Python's {@code html.unescape}. */
    String unescapeLeniently(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return LENIENT_REFERENCE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(lenient(m.group(1))));
    }

    /** ftfy's {@code unescape_html}. */
    String unescapeStrictly(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return STRICT_REFERENCE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(strict(m.group())));
    }

    private String lenient(String reference) {
        if (reference.charAt(0) == '#') {
            return numeric(reference);
        }
        String text = named.get(reference);
        if (text != null) {
            return text;
        }
        // The longest known name that the reference starts with, as the standard parses it.
        for (int end = reference.length() - 1; end > 1; end--) {
            text = named.get(reference.substring(0, end));
            if (text != null) {
                return text + reference.substring(end);
            }
        }
        return "&" + reference;
    }

    private static String numeric(String reference) {
        String digits = reference.endsWith(";") ? reference.substring(0, reference.length() - 1) : reference;
        boolean hex = digits.charAt(1) == 'x' || digits.charAt(1) == 'X';
        BigInteger value = new BigInteger(digits.substring(hex ? 2 : 1), hex ? 16 : 10);
        if (value.compareTo(MAX_CODE_POINT) > 0) {
            return "\ufffd";
        }
        int codePoint = value.intValue();
        if (codePoint == 0) {
            return "\ufffd";
        }
        if (codePoint == '\r') {
            return "\r";
        }
        if (Windows1252.isC1Control(codePoint)) {
            return String.valueOf(Windows1252.decodeC1(codePoint));
        }
        if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
            return "\ufffd";
        }
        if (isForbiddenReference(codePoint)) {
            return "";
        }
        return Character.toString(codePoint);
    }

    /** Python's {@code html._invalid_codepoints}, less the C1 controls decoded above. */
    private static boolean isForbiddenReference(int c) {
        return (c >= 0x1 && c <= 0x8) || c == 0xb || (c >= 0xe && c <= 0x1f) || c == 0x7f
                || (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
    }

    private String strict(String reference) {
        String text = strict.get(reference);
        if (text != null) {
            return text;
        }
        if (reference.startsWith("&#")) {
            String unescaped = unescapeLeniently(reference);
            return unescaped.indexOf(';') >= 0 ? reference : unescaped;
        }
        return reference;
    }

    private Map<String, String> strictTable(Map<String, String> named) {
        Map<String, String> table = new HashMap<>();
        named.forEach((name, text) -> {
            if (name.endsWith(";")) {
                table.put("&" + name, text);
            }
        });
        named.forEach((name, text) -> {
            if (name.endsWith(";") && name.equals(name.toLowerCase(Locale.ROOT))) {
                String upper = "&" + name.toUpperCase(Locale.ROOT);
                if (unescapeLeniently(upper).equals(upper)) {
                    table.putIfAbsent(upper, text.toUpperCase(Locale.ROOT));
                }
            }
        });
        return Map.copyOf(table);
    }
}
