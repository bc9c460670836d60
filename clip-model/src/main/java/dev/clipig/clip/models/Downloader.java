package dev.clipig.clip.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.text.DecimalFormat;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Downloads a file over HTTP into {@code <target>.part}, resuming a partial one with a range
 * request, and moves it to the target only once its SHA-256 matches: a file at the target is
 * always complete and verified.
 */
final class Downloader {
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)");

    private final HttpClient client;
    private final PrintStream progress;

    Downloader(HttpClient client, PrintStream progress) {
        this.client = client;
        this.progress = progress;
    }

    static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .connectTimeout(RESPONSE_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * @throws DownloadException on an HTTP error status or a digest mismatch (the bad file is deleted)
     * @throws IOException when the server cannot be reached or the transfer breaks off (the part
     *     fetched so far is kept, to be resumed)
     */
    Path download(URI url, String sha256, Path target) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(RESPONSE_TIMEOUT).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = send(request.build());
        try (InputStream body = response.body()) {
            switch (response.statusCode()) {
                case 200 -> receive(body, part, 0, response.headers().firstValueAsLong("Content-Length").orElse(-1));
                case 206 -> receive(body, part, have, resumedTotal(response, have));
                // The part already holds every byte: a range starting at the end cannot be served.
                case 416 -> { }
                default -> throw new DownloadException("HTTP " + response.statusCode());
            }
        }
        verify(part, sha256);
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    private static long resumedTotal(HttpResponse<?> response, long have) throws DownloadException {
        String range = response.headers().firstValue("Content-Range").orElse("");
        Matcher m = CONTENT_RANGE.matcher(range);
        if (!m.matches() || Long.parseLong(m.group(1)) != have) {
            throw new DownloadException("server resumed with Content-Range '" + range + "', asked for bytes "
                    + have + "-");
        }
        return m.group(2).equals("*") ? -1 : Long.parseLong(m.group(2));
    }

    private void receive(InputStream body, Path part, long offset, long total) throws IOException {
        StandardOpenOption mode = offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (ProgressBar bar = progressBar(part.getFileName().toString().replaceFirst("\\.part$", ""), total, offset);
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = body.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                bar.stepBy(n);
            }
        }
    }

    /** In MB, with the rate; a resumed transfer starts at the bytes already there. */
    private ProgressBar progressBar(String name, long total, long offset) {
        return new ProgressBarBuilder().setTaskName(name).setInitialMax(total)
                .setUnit(" MB", 1 << 20).showSpeed(new DecimalFormat("0.0")).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(progress)).startsFrom(offset, Duration.ZERO).build();
    }

    private static void verify(Path file, String sha256) throws IOException {
        MessageDigest digest = Sha256.digest();
        try (InputStream in = Files.newInputStream(file)) {
            Sha256.update(digest, in);
        }
        String actual = Sha256.hex(digest);
        if (!actual.equals(sha256)) {
            Files.delete(file);
            throw new DownloadException("SHA-256 " + actual + " instead of " + sha256 + "; deleted the download");
        }
    }
}
