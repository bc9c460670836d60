package dev.clipig.studio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The page's live feed, as server-sent events: which run is current ({@code run}), its state
 * ({@code state}), its new steps ({@code steps}) and its image ({@code image}, a PNG data URL). The
 * stream looks at the run every {@value #TICK_MS} ms and sends what changed, so a fast render's steps
 * arrive in batches; images go at most every {@value #IMAGE_MS} ms, the latest one each time.
 */
final class EventStream {
    static final long TICK_MS = 100;
    static final long IMAGE_MS = 250;
    private static final long KEEP_ALIVE_MS = 10_000;

    private final Renders renders;
    private final BooleanSupplier open;

    EventStream(Renders renders, BooleanSupplier open) {
        this.renders = renders;
        this.open = open;
    }

    /** Feeds one page until it goes away or the server closes. */
    void serve(Request request) throws IOException, InterruptedException {
        try (OutputStream out = request.stream("text/event-stream; charset=utf-8")) {
            LiveRun shown = null;
            boolean first = true;
            String state = null;
            int stepsSent = 0;
            int imageSent = -1;
            long imageAt = 0;
            long aliveAt = System.currentTimeMillis();
            while (open.getAsBoolean()) {
                LiveRun run = renders.current().orElse(null);
                if (first || run != shown) {
                    first = false;
                    shown = run;
                    state = run == null ? null : run.state();
                    stepsSent = 0;
                    imageSent = -1;
                    send(out, "run", run == null ? null : run.current().json());
                }
                long now = System.currentTimeMillis();
                if (run != null) {
                    List<StepPoint> steps = run.stepsFrom(stepsSent);
                    if (!steps.isEmpty()) {
                        send(out, "steps", steps.stream().map(s -> new Json.Raw(s.json())).toList());
                        stepsSent += steps.size();
                    }
                    int version = run.imageVersion();
                    if (version != imageSent && now - imageAt >= IMAGE_MS) {
                        byte[] png = run.png();
                        if (png != null) {
                            Map<String, Object> image = new LinkedHashMap<>();
                            image.put("version", version);
                            image.put("src", "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
                            send(out, "image", image);
                        }
                        imageSent = version;
                        imageAt = now;
                    }
                    String nowState = run.state();
                    if (!nowState.equals(state)) {
                        state = nowState;
                        send(out, "state", run.current().json());
                    }
                }
                if (now - aliveAt >= KEEP_ALIVE_MS) {
                    // A comment line: a page that went away shows up as a failed write, ending this loop.
                    out.write(": alive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    aliveAt = now;
                }
                Thread.sleep(TICK_MS);
            }
        }
    }

    private static void send(OutputStream out, String event, Object data) throws IOException {
        out.write(("event: " + event + "\ndata: " + Json.write(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
