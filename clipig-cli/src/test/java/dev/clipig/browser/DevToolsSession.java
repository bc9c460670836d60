package dev.clipig.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Chrome DevTools protocol client over one WebSocket: commands wait for their reply,
 * events are kept in arrival order for the test to look through.
 */
public final class DevToolsSession implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private WebSocket socket;

    private DevToolsSession() {
    }

    static DevToolsSession connect(HttpClient http, URI url) throws Exception {
        DevToolsSession session = new DevToolsSession();
        session.socket = http.newWebSocketBuilder().buildAsync(url, session.new Listener()).get(10, TimeUnit.SECONDS);
        return session;
    }

    /** Sends a command and returns its {@code result}; a protocol error fails. */
    public JsonNode call(String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        JsonNode answer = reply.get(20, TimeUnit.SECONDS);
        if (answer.has("error")) throw new IllegalStateException(method + ": " + answer.get("error"));
        return answer.get("result");
    }

    /** The value of a JavaScript expression evaluated in the page. */
    public JsonNode evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) throw new IllegalStateException(expression + ": " + result);
        return result.path("result").path("value");
    }

    /** Waits until an event of this method has arrived, and returns the first. */
    public JsonNode awaitEvent(String method) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (JsonNode event : events) {
                if (event.path("method").asText().equals(method)) return event.get("params");
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no " + method + " event within 20 s");
    }

    public List<JsonNode> events(String method) {
        return events.stream().filter(e -> e.path("method").asText().equals(method)).map(e -> e.get("params")).toList();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                dispatch(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void dispatch(String text) {
            try {
                JsonNode message = JSON.readTree(text);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
                    if (reply != null) reply.complete(message);
                } else {
                    events.add(message);
                }
            } catch (Exception e) {
                pending.values().forEach(reply -> reply.completeExceptionally(e));
            }
        }
    }
}
