package dev.clipig.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server without a browser: no path from a request reaches outside the workspace (by {@code ../},
 * an absolute path or a symbolic link placed inside it), and every refused request gets a 4xx with a
 * one-line JSON reason.
 */
class StudioServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "not for the page";

    @TempDir
    Path temp;

    private Path workspace;
    private Path outside;
    private Studio studio;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        workspace = Files.createDirectories(temp.resolve("workspace"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.yaml"), SECRET);
        Files.writeString(workspace.resolve("mine.yaml"), "epochs: 3\n");
        studio = ToyStudio.start(workspace);
    }

    @AfterEach
    void stop() throws Exception {
        studio.close();
    }

    @Test
    void readsAndWritesConfigsInsideTheWorkspace() throws Exception {
        Files.createDirectories(workspace.resolve("sub"));
        assertEquals(200, put("/api/config?path=" + encode("sub/new.yaml"), "epochs: 5\n").statusCode());
        assertEquals("epochs: 5\n", Files.readString(workspace.resolve("sub/new.yaml")));
        assertEquals("rw-r--r--", permissions(workspace.resolve("sub/new.yaml")), "a new config as an editor makes one");
        Files.setPosixFilePermissions(workspace.resolve("mine.yaml"), PosixFilePermissions.fromString("rw-rw----"));
        assertEquals(200, put("/api/config?path=mine.yaml", "epochs: 4\n").statusCode());
        assertEquals("rw-rw----", permissions(workspace.resolve("mine.yaml")), "a saved config keeps its permissions");
        JsonNode read = json(get("/api/config?path=" + encode("sub/../sub/new.yaml")), 200);
        assertEquals("epochs: 5\n", read.get("text").asText());
        JsonNode list = json(get("/api/configs"), 200);
        assertEquals("[\"mine.yaml\",\"sub/new.yaml\"]", list.get("configs").toString());
    }

    @Test
    void dotDotAndAbsolutePathsAreRefused() throws Exception {
        for (String path : new String[] {"../outside/secret.yaml", "sub/../../outside/secret.yaml",
            outside.resolve("secret.yaml").toString(), "/etc/passwd"}) {
            assertRefused(get("/api/config?path=" + encode(path)), 403, "outside the workspace");
            assertRefused(put("/api/config?path=" + encode(path), "epochs: 1\n"), 403, "outside the workspace");
        }
        assertEquals(SECRET, Files.readString(outside.resolve("secret.yaml")));
        assertRefused(get("/api/run?id=" + encode("../outside")), 400, "not a run id");
        assertRefused(get("/api/run/image?id=" + encode("..")), 400, "not a run id");
    }

    @Test
    void symbolicLinksOutOfTheWorkspaceAreRefused() throws Exception {
        Files.createSymbolicLink(workspace.resolve("link.yaml"), outside.resolve("secret.yaml"));
        Files.createSymbolicLink(workspace.resolve("away"), outside);
        Files.createSymbolicLink(workspace.resolve("dangling.yaml"), outside.resolve("none.yaml"));

        assertRefused(get("/api/config?path=link.yaml"), 403, "symbolic link");
        assertRefused(get("/api/config?path=" + encode("away/secret.yaml")), 403, "symbolic link");
        assertRefused(put("/api/config?path=link.yaml", "epochs: 1\n"), 403, "symbolic link");
        assertRefused(put("/api/config?path=" + encode("away/new.yaml"), "epochs: 1\n"), 403, "symbolic link");
        assertRefused(put("/api/config?path=dangling.yaml", "epochs: 1\n"), 403, "leads nowhere");
        assertEquals(SECRET, Files.readString(outside.resolve("secret.yaml")));
        assertFalse(Files.exists(outside.resolve("new.yaml")));
        assertFalse(Files.exists(outside.resolve("none.yaml")));
        assertEquals("[\"mine.yaml\"]", json(get("/api/configs"), 200).get("configs").toString(),
                "links are not listed");

        // A run folder that is a link out of the workspace is neither listed nor read.
        Files.createDirectories(workspace.resolve("runs"));
        Files.writeString(outside.resolve(RunRecord.FILE), "name=" + SECRET + "\n");
        Files.createSymbolicLink(workspace.resolve("runs/elsewhere"), outside);
        assertRefused(get("/api/run?id=elsewhere"), 403, "symbolic link");
        assertEquals("[]", json(get("/api/runs"), 200).get("runs").toString());
    }

    @Test
    void imagesAConfigNamesMustBeInTheWorkspace() throws Exception {
        String config = "init:\n  image: ../outside/picture.png\ntargets:\n  - features:\n      - text: a cat\n";
        JsonNode verdict = json(post("/api/validate", config), 200);
        assertFalse(verdict.get("ok").asBoolean());
        assertEquals("init.image", verdict.get("path").asText());
        assertTrue(verdict.get("reason").asText().contains("outside the workspace"), verdict.toString());
        assertRefused(post("/api/start", config), 400, "outside the workspace");
        assertFalse(Files.exists(workspace.resolve("runs")), "no run was started");
    }

    @Test
    void malformedRequestsGetAOneLineJsonError() throws Exception {
        assertRefused(get("/api/config"), 400, "missing query parameter 'path'");
        assertRefused(get("/api/config?path=a.yaml&path=b.yaml"), 400, "given twice");
        assertRefused(get("/api/config?path=notes.txt"), 400, "end in .yaml");
        assertRefused(get("/api/config?path=none.yaml"), 404, "no such file");
        assertRefused(post("/api/start?seed=twelve", "epochs: 3\n"), 400, "not a whole number");
        assertRefused(send(HttpRequest.newBuilder(uri("/api/validate"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'a', ':', ' ', (byte) 0xC3, 0x28}))), 400,
                "not UTF-8");
        assertRefused(post("/api/validate", "x".repeat(Request.MAX_BODY + 1)), 413, "larger than");
        assertRefused(send(HttpRequest.newBuilder(uri("/api/config?path=mine.yaml")).DELETE()), 405, "not allowed");
        assertRefused(get("/api/nothing"), 404, "no such page");
        assertRefused(post("/api/stop", ""), 409, "no render is running");
        assertRefused(get("/api/run?id=nosuchrun"), 404, "no such run");
        assertRefused(send(HttpRequest.newBuilder(uri("/api/config?path=mine.yaml")).header("Origin", "http://evil.example")
                .PUT(HttpRequest.BodyPublishers.ofString("epochs: 1\n"))), 403, "refused");
        assertEquals("epochs: 3\n", Files.readString(workspace.resolve("mine.yaml")));

        String foreign = raw("GET /api/configs HTTP/1.1\r\nHost: attacker.example:" + studio.address().getPort()
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(foreign.startsWith("HTTP/1.1 403"), foreign);
        assertTrue(foreign.endsWith("\r\n\r\n{\"error\":\"this server answers to 127.0.0.1:" + studio.address().getPort()
                + " only, not attacker.example:" + studio.address().getPort() + "\"}"), foreign);
    }

    @Test
    void aConfigErrorNamesItsLine() throws Exception {
        JsonNode verdict = json(post("/api/validate?name=cat.yaml", "epochs: 3\ntargets:\n  - featurs: []\n"), 200);
        assertFalse(verdict.get("ok").asBoolean());
        assertEquals(3, verdict.get("line").asInt());
        assertEquals("unknown key 'featurs', did you mean 'features'?", verdict.get("reason").asText());
        assertEquals("cat.yaml:3: targets[0].featurs: unknown key 'featurs', did you mean 'features'?",
                verdict.get("error").asText());
        assertTrue(json(post("/api/validate", "epochs: 3\n"), 200).get("ok").asBoolean());
    }

    @Test
    void aSecondStartSaysWhyAndTheFirstPausesResumesAndStops() throws Exception {
        JsonNode first = json(post("/api/start?name=red.yaml&seed=3", ToyStudio.CONFIG), 200);
        String id = first.get("run").get("id").asText();
        assertRefused(post("/api/start?name=other.yaml", ToyStudio.CONFIG), 409,
                "one render at a time: red.yaml is ");
        JsonNode run = await(id, "a first step", r -> r.get("done").asInt() > 0);

        // Paused, the run finishes at most the step under way and then waits (a toy step takes 0.05 s).
        JsonNode paused = json(post("/api/pause", ""), 200).get("run");
        assertEquals("paused", paused.get("state").asText());
        int atPause = paused.get("done").asInt();
        for (int look = 0; look < 3; look++) {
            Thread.sleep(500);
            int done = json(get("/api/run?id=" + id), 200).get("run").get("done").asInt();
            assertTrue(done <= atPause + 1, "steps while paused: " + atPause + " -> " + done);
        }
        int held = json(get("/api/run?id=" + id), 200).get("run").get("done").asInt();
        assertRefused(post("/api/start?name=other.yaml", ToyStudio.CONFIG), 409, "red.yaml is paused");
        json(post("/api/resume", ""), 200);
        await(id, "a step after resuming", r -> r.get("done").asInt() > held);

        json(post("/api/stop", ""), 200);
        run = await(id, "the stop", r -> r.get("state").asText().equals("stopped"));
        assertTrue(run.get("done").asInt() < run.get("epochs").asInt(), run.toString());
        assertEquals(ToyStudio.CONFIG, Files.readString(workspace.resolve("runs/" + id + "/config.yaml")));
        assertEquals(200, get("/api/run/image?id=" + id).statusCode());
    }

    /**
     * The run's record once it satisfies the condition, checked every 50 ms for up to a minute: a
     * machine busy with other builds may take seconds to load the model.
     */
    private JsonNode await(String id, String what, Predicate<JsonNode> condition) throws Exception {
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            JsonNode run = json(get("/api/run?id=" + id), 200).get("run");
            if (condition.test(run)) return run;
            Thread.sleep(50);
        }
        throw new AssertionError("run " + id + ": no " + what + " within a minute");
    }

    @Test
    void aRunAServerLeftRunningReadsInterruptedAtItsLastStep() throws Exception {
        Path dir = Files.createDirectories(workspace.resolve("runs/20260101-120000-old"));
        new RunRecord("20260101-120000-old", "old.yaml", "toy-shapes", 1, 300, 0, "running", "", "2026-01-01T12:00:00")
                .save(dir);
        Files.writeString(dir.resolve(RunStore.STEPS), new StepPoint(0, 2.0, 0.1, Map.of("a cat", 20.0), 0.5).json()
                + "\n" + new StepPoint(1, 1.5, 0.1, Map.of("a cat", 25.0), 1.0).json() + "\n{\"epoch\":2,\"lo");
        JsonNode run = json(get("/api/runs"), 200).get("runs").get(0);
        assertEquals("interrupted", run.get("state").asText());
        assertEquals(2, run.get("done").asInt(), "the step cut short is not counted");
        JsonNode reopened = json(get("/api/run?id=20260101-120000-old"), 200);
        assertEquals(2, reopened.get("steps").size());
        assertEquals(25.0, reopened.get("steps").get(1).get("similarity").get("a cat").asDouble());
    }

    private void assertRefused(HttpResponse<String> response, int status, String reason) throws Exception {
        JsonNode body = json(response, status);
        assertTrue(body.get("error").asText().contains(reason), response.body());
        assertFalse(response.body().contains("\n") || response.body().contains("\tat "), response.body());
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return studio.address().resolve(path);
    }

    /** A request as bytes on a socket, for headers the JDK's client will not send (Host). */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket(studio.address().getHost(), studio.address().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
