package dev.clipig.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page: one HTML file, its script and its style sheet, read from the jar once. Nothing else is
 * served as a file, and the page may load nothing from elsewhere (the machine may have no network).
 */
final class StaticFiles {
    /** Scripts and styles from the server only; images also as the data URLs of live snapshots. */
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'";

    private record File(String type, byte[] bytes) {
    }

    private final Map<String, File> files = Map.of(
            "/", load("studio.html", "text/html; charset=utf-8"),
            "/studio.js", load("studio.js", "text/javascript; charset=utf-8"),
            "/studio.css", load("studio.css", "text/css; charset=utf-8"));

    void serve(Request request) throws IOException {
        File file = files.get(request.path());
        if (file == null) throw RequestException.notFound("no such page: " + request.path());
        request.responseHeader("Content-Security-Policy", POLICY);
        request.send(200, file.type(), file.bytes());
    }

    private static File load(String name, String type) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("the jar lacks the studio's " + name);
            return new File(type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
