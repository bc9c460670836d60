package dev.clipig.gallery;

import java.nio.charset.StandardCharsets;

/** Escaping for text placed in HTML, and relative URLs that survive any file name. */
final class Html {

    private Html() {
    }

    /** Text or an attribute value: the five characters HTML gives meaning to are escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A relative URL for a relative path with {@code /} separators: each segment is
     * percent-encoded but for RFC 3986's unreserved characters, so any file name survives.
     */
    static String url(String relativePath) {
        StringBuilder out = new StringBuilder();
        for (byte b : relativePath.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean kept = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0);
            out.append(kept ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
        }
        return out.toString();
    }
}
