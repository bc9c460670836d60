package dev.clipig.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium}, headless, with its DevTools endpoint on an ephemeral loopback port,
 * started with the flags this project's machines need (no background networking, no sandbox as
 * root) and a fresh profile.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--remote-debugging-port=0", "--remote-allow-origins=*");
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://([^/]+)/");

    private final Process process;
    private final Path profile;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String hostAndPort;

    private HeadlessChromium(Process process, Path profile, String hostAndPort) {
        this.process = process;
        this.profile = profile;
        this.hostAndPort = hostAndPort;
    }

    public static HeadlessChromium start() throws Exception {
        Path binary = binary();
        Path profile = Files.createTempDirectory("clipig-chromium-");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--user-data-dir=" + profile));
        command.addAll(FLAGS);
        command.add("about:blank");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread drain = new Thread(() -> readStderr(process, endpoint), "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        try {
            return new HeadlessChromium(process, profile, endpoint.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static Path binary() {
        String override = System.getenv("CHROMIUM");
        Stream<Path> candidates = override != null ? Stream.of(Path.of(override))
                : Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser").map(Path::of);
        return candidates.filter(Files::isExecutable).findFirst().orElseGet(() -> fail(
                "no chromium found: the browser tests need Debian's chromium package"
                        + " (.ci/run installs it: apt-get install -y chromium chromium-driver), or CHROMIUM=/path/to/it"));
    }

    /** Reads chromium's stderr to its end (so it never blocks on a full pipe), noting its endpoint. */
    private static void readStderr(Process process, CompletableFuture<String> endpoint) {
        StringBuilder seen = new StringBuilder();
        try (BufferedReader err = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) endpoint.complete(m.group(1));
                else if (!endpoint.isDone()) seen.append(line).append('\n');
            }
        } catch (IOException e) {
            endpoint.completeExceptionally(e);
        }
        endpoint.completeExceptionally(new IllegalStateException("chromium exited before listening:\n" + seen));
    }

    /** A DevTools session on the page chromium opened. */
    public DevToolsSession openPage() throws Exception {
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://" + hostAndPort + "/json/list"))
                .build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : new ObjectMapper().readTree(list.body())) {
            if (target.path("type").asText().equals("page")) {
                return DevToolsSession.connect(http, URI.create(target.get("webSocketDebuggerUrl").asText()));
            }
        }
        throw new IllegalStateException("chromium has no page target: " + list.body());
    }

    @Override
    public void close() throws Exception {
        // Chromium's helper processes (network service, zygote) outlive the browser process and
        // keep writing the profile, so the whole tree goes down before the profile is removed.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                p.destroyForcibly();
            }
        }
        deleteProfile();
    }

    /** Best effort: a file that vanishes while the tree is walked is no reason to fail a test. */
    private void deleteProfile() throws IOException {
        for (int attempt = 0; attempt < 3 && Files.exists(profile); attempt++) {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (UncheckedIOException | NoSuchFileException | DirectoryNotEmptyException e) {
                // something was still being written; walk again
            }
        }
    }
}
