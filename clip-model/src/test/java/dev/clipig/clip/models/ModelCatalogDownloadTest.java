package dev.clipig.clip.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.clip.ClipModel;
import dev.clipig.clip.Fixtures;
import dev.clipig.weights.WeightsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download path of {@link ModelCatalog}, against a local server serving the fixture model a.pt. */
class ModelCatalogDownloadTest {
    private static final String SERVED_PATH = "/clip/models/fixture/a.pt";

    private static byte[] checkpoint;
    private static String sha256;

    @TempDir
    Path temp;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeAll
    static void readFixture() throws Exception {
        checkpoint = Files.readAllBytes(Fixtures.model("a.pt"));
        sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(checkpoint));
    }

    private ModelCatalog catalog(URI url, String sha) {
        return ModelCatalog.builder()
                .cacheDir(temp.resolve("cache"))
                .openAiCacheDir(temp.resolve("openai"))
                .log(new PrintStream(log, true, StandardCharsets.UTF_8))
                .model("test-a", new PublishedModel(url, sha))
                .build();
    }

    @Test
    void downloadsVerifiesConvertsAndLoads() throws IOException {
        try (FixtureServer server = new FixtureServer(SERVED_PATH, checkpoint)) {
            Path resolved = catalog(server.url(), sha256).resolve("test-a");

            assertEquals(temp.resolve("cache/a.safetensors"), resolved);
            assertEquals(checkpoint.length, server.bytesSent());
            assertEquals(List.of(""), server.ranges());
            String bar = log.toString(StandardCharsets.UTF_8);
            assertTrue(bar.contains("a.pt") && bar.contains("100%") && bar.contains(" MB"), bar);
            assertEquals(List.of(resolved), cacheFiles(), "the checkpoint and its part are gone once converted");
            ClipModel model = ClipModel.load(resolved);
            assertEquals(64, model.imageResolution());
        }
    }

    @Test
    void resumesAPartialDownload() throws IOException {
        int kept = checkpoint.length / 3;
        Files.createDirectories(temp.resolve("cache"));
        Files.write(temp.resolve("cache/a.pt.part"), Arrays.copyOf(checkpoint, kept));
        try (FixtureServer server = new FixtureServer(SERVED_PATH, checkpoint)) {
            Path resolved = catalog(server.url(), sha256).resolve("test-a");

            assertEquals(List.of("bytes=" + kept + "-"), server.ranges());
            assertEquals(checkpoint.length - kept, server.bytesSent());
            assertEquals(List.of(resolved), cacheFiles());
        }
    }

    @Test
    void aCompletePartIsVerifiedWithoutRefetching() throws IOException {
        Files.createDirectories(temp.resolve("cache"));
        Files.write(temp.resolve("cache/a.pt.part"), checkpoint);
        try (FixtureServer server = new FixtureServer(SERVED_PATH, checkpoint)) {
            Path resolved = catalog(server.url(), sha256).resolve("test-a");

            assertEquals(0, server.bytesSent());
            assertEquals(List.of(resolved), cacheFiles());
        }
    }

    @Test
    void aBadHashDeletesTheDownloadAndSaysWhatToFetch() throws IOException {
        String wrong = "0".repeat(64);
        try (FixtureServer server = new FixtureServer(SERVED_PATH, checkpoint)) {
            WeightsException e = assertThrows(WeightsException.class,
                    () -> catalog(server.url(), wrong).resolve("test-a"));

            assertOneLine(e.getMessage());
            assertTrue(e.getMessage().startsWith("cannot download test-a (SHA-256 " + sha256 + " instead of " + wrong),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("download " + server.url() + " and put it at "
                    + temp.resolve("openai/a.pt")), e.getMessage());
            assertEquals(List.of(), cacheFiles());
        }
    }

    @Test
    void anUnreachableServerGivesOneLine() throws IOException {
        URI url;
        try (FixtureServer server = new FixtureServer(SERVED_PATH, checkpoint)) {
            url = server.url();
        }
        ModelCatalog catalog = catalog(url, sha256);

        WeightsException e = assertThrows(WeightsException.class, () -> catalog.resolve("test-a"));

        assertOneLine(e.getMessage());
        assertEquals("cannot download test-a (cannot connect): download " + url + " and put it at "
                + temp.resolve("openai/a.pt"), e.getMessage());
    }

    @Test
    void anHttpErrorIsNamed() throws IOException {
        try (FixtureServer server = new FixtureServer(SERVED_PATH, checkpoint)) {
            URI missing = server.url().resolve("b.pt");
            WeightsException e = assertThrows(WeightsException.class,
                    () -> catalog(missing, sha256).resolve("test-a"));

            assertTrue(e.getMessage().startsWith("cannot download test-a (HTTP 404): download " + missing),
                    e.getMessage());
        }
    }

    @Test
    void aSecondResolveUsesTheCacheWithoutNetwork() throws IOException {
        ModelCatalog catalog;
        Path first;
        byte[] converted;
        try (FixtureServer server = new FixtureServer(SERVED_PATH, checkpoint)) {
            catalog = catalog(server.url(), sha256);
            first = catalog.resolve("test-a");
            converted = Files.readAllBytes(first);
        }

        assertEquals(first, catalog.resolve("test-a"));
        assertArrayEquals(converted, Files.readAllBytes(first));
    }

    @Test
    void openAisPythonCacheIsConvertedOnceWithoutNetwork() throws IOException {
        Files.createDirectories(temp.resolve("openai"));
        Files.write(temp.resolve("openai/a.pt"), checkpoint);
        ModelCatalog catalog = catalog(URI.create("http://127.0.0.1:9/nowhere/a.pt"), sha256);

        Path resolved = catalog.resolve("test-a");

        assertEquals(temp.resolve("cache/a.safetensors"), resolved);
        Files.delete(temp.resolve("openai/a.pt"));
        assertEquals(resolved, catalog.resolve("test-a"), "the converted copy is used from then on");
    }

    private List<Path> cacheFiles() throws IOException {
        try (var files = Files.list(temp.resolve("cache"))) {
            return files.sorted().toList();
        }
    }

    private static void assertOneLine(String message) {
        assertFalse(message.contains("\n") || message.contains("\r"), message);
    }
}
