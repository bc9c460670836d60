package dev.clipig.studio;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One HTTP exchange as the studio's routes see it: checked query parameters and body, JSON or bytes out. */
final class Request {
    /** A config is a few kilobytes; anything much larger is not one. */
    static final int MAX_BODY = 1 << 20;

    private final HttpExchange exchange;
    private Map<String, String> query;

    Request(HttpExchange exchange) {
        this.exchange = exchange;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    /** A query parameter that must be there. */
    String query(String name) {
        return optionalQuery(name).orElseThrow(() -> RequestException.badRequest("missing query parameter '" + name + "'"));
    }

    Optional<String> optionalQuery(String name) {
        if (query == null) query = parseQuery(exchange.getRequestURI().getRawQuery());
        return Optional.ofNullable(query.get(name));
    }

    long longQuery(String name, long fallback) {
        Optional<String> text = optionalQuery(name);
        if (text.isEmpty()) return fallback;
        try {
            return Long.parseLong(text.get().trim());
        } catch (NumberFormatException e) {
            throw RequestException.badRequest("query parameter '" + name + "' is not a whole number: " + text.get());
        }
    }

    /** The body as UTF-8 text; too large or not UTF-8 is refused. */
    String body() throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) throw new RequestException(413, "request body larger than " + MAX_BODY + " bytes");
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw RequestException.badRequest("request body is not UTF-8 text");
        }
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    void responseHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    void json(int status, Object value) throws IOException {
        send(status, "application/json; charset=utf-8", Json.write(value).getBytes(StandardCharsets.UTF_8));
    }

    void send(int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Starts an unbounded response (server-sent events) and returns its stream. */
    OutputStream stream(String contentType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) return params;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (params.putIfAbsent(name, value) != null) {
                throw RequestException.badRequest("query parameter '" + name + "' given twice");
            }
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RequestException.badRequest("malformed query string: " + text);
        }
    }
}
