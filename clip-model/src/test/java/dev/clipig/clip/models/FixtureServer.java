package dev.clipig.clip.models;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves one file's bytes on 127.0.0.1 at an ephemeral port, honouring {@code Range: bytes=N-}
 * as a CDN does, and records what was asked for and sent.
 */
final class FixtureServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final String path;
    private final byte[] content;
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesSent = new AtomicLong();

    FixtureServer(String path, byte[] content) throws IOException {
        this.path = path;
        this.content = content;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The Range header of each request, "" where there was none. */
    List<String> ranges() {
        return ranges;
    }

    long bytesSent() {
        return bytesSent.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String range = exchange.getRequestHeaders().getFirst("Range");
            ranges.add(range == null ? "" : range);
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            int from = 0;
            int status = 200;
            Matcher m = RANGE.matcher(range == null ? "" : range);
            if (m.matches()) {
                from = Integer.parseInt(m.group(1));
                if (from >= content.length) {
                    exchange.sendResponseHeaders(416, -1);
                    return;
                }
                status = 206;
                exchange.getResponseHeaders().add("Content-Range",
                        "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
            }
            exchange.sendResponseHeaders(status, content.length - from);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content, from, content.length - from);
            }
            bytesSent.addAndGet(content.length - from);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
