package dev.clipig.studio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.clipig.ClipigException;
import dev.clipig.clip.ClipModel;
import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.config.ConfigException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code clipig studio}: a local web server and its one page, where a config is edited (checked by the
 * config reader as it is typed), rendered, watched, paused and stopped, and past runs are reopened.
 *
 * <p>It listens on the loopback address unless told otherwise, answers only requests addressed to it by
 * that name (so that a web page elsewhere cannot reach it through a DNS name of its own) and changes
 * nothing for a request another site's page sent. It reads and writes files only inside its
 * workspace, runs no commands, and evaluates nothing but the config's own expressions.
 */
public final class Studio implements AutoCloseable {
    private static final int THREADS = 16;
    /** Each watching page holds a thread; the rest serve requests. */
    private static final int MAX_WATCHERS = 8;

    @FunctionalInterface
    private interface Route {
        void handle(Request request) throws IOException, InterruptedException;
    }

    private final Workspace workspace;
    private final RunStore store;
    private final Renders renders;
    private final StaticFiles page = new StaticFiles();
    private final EventStream events;
    private final Map<String, Map<String, Route>> routes = new HashMap<>();
    private final AtomicInteger watchers = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService threads;
    private final boolean loopback;
    private volatile boolean open = true;

    private Studio(Builder b) throws IOException {
        this.workspace = Workspace.open(b.workspace);
        this.store = new RunStore(workspace);
        this.renders = new Renders(workspace, store, new LazyModel(b.loader), b.modelName);
        this.events = new EventStream(renders, () -> open);
        InetAddress address = InetAddress.getByName(b.host);
        this.loopback = address.isLoopbackAddress();
        route("GET", "/", page::serve);
        route("GET", "/studio.js", page::serve);
        route("GET", "/studio.css", page::serve);
        route("GET", "/api/configs", this::configs);
        route("GET", "/api/config", this::readConfig);
        route("PUT", "/api/config", this::writeConfig);
        route("POST", "/api/validate", this::validate);
        route("POST", "/api/start", this::start);
        route("POST", "/api/pause", r -> r.json(200, control(LiveRun::pause)));
        route("POST", "/api/resume", r -> r.json(200, control(LiveRun::resume)));
        route("POST", "/api/stop", r -> r.json(200, control(LiveRun::stop)));
        route("GET", "/api/events", this::watch);
        route("GET", "/api/runs", this::runs);
        route("GET", "/api/run", this::run);
        route("GET", "/api/run/image", this::runImage);
        this.threads = Executors.newFixedThreadPool(THREADS, task -> {
            Thread t = new Thread(task, "clipig-studio-http");
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(address, b.port), 0);
        server.createContext("/", this::dispatch);
        server.setExecutor(threads);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where the page is, e.g. {@code http://127.0.0.1:8080/}. */
    public URI address() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return URI.create("http://" + host + ":" + bound.getPort() + "/");
    }

    public Path workspace() {
        return workspace.root();
    }

    /** Stops a render in progress (its image and record are written), the server and the model. */
    @Override
    public void close() throws InterruptedException {
        open = false;
        server.stop(0);
        renders.close();
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void route(String method, String path, Route handler) {
        routes.computeIfAbsent(path, p -> new HashMap<>()).put(method, handler);
    }

    /** Every request: addressed to this server, routed, and any refusal a one-line JSON error. */
    private void dispatch(HttpExchange exchange) {
        Request request = new Request(exchange);
        try {
            guard(request);
            Map<String, Route> byMethod = routes.get(request.path());
            if (byMethod == null) throw RequestException.notFound("no such page: " + request.path());
            Route route = byMethod.get(request.method());
            if (route == null) {
                request.responseHeader("Allow", String.join(", ", byMethod.keySet()));
                throw new RequestException(405, request.method() + " is not allowed on " + request.path());
            }
            route.handle(request);
        } catch (RequestException e) {
            refuse(request, e.status(), Map.of("error", e.getMessage()));
        } catch (ConfigException e) {
            refuse(request, 400, configError(e));
        } catch (ClipigException e) {
            refuse(request, 400, Map.of("error", e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (open && !(e instanceof IOException)) e.printStackTrace();
            refuse(request, 500, Map.of("error", e.getClass().getSimpleName() + ": " + e.getMessage()));
        } finally {
            exchange.close();
        }
    }

    /**
     * Refuses a request whose Host is not this server's loopback name (DNS rebinding), and any change
     * sent by a page from another origin (a browser sends Origin with it).
     */
    private void guard(Request request) {
        String host = request.header("Host");
        if (host == null) throw RequestException.badRequest("no Host header");
        int port = server.getAddress().getPort();
        if (loopback && !Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port).contains(host)) {
            throw RequestException.forbidden("this server answers to 127.0.0.1:" + port + " only, not " + host);
        }
        String origin = request.header("Origin");
        if (!request.method().equals("GET") && origin != null && !origin.equals("http://" + host)) {
            throw RequestException.forbidden("requests from " + origin + " are refused");
        }
    }

    /** Answers with an error, if the response has not begun (a broken event stream has). */
    private static void refuse(Request request, int status, Map<String, ?> body) {
        try {
            request.json(status, body);
        } catch (IOException | RuntimeException e) {
            // the client went away, or the response was already under way: nothing more to say
        }
    }

    private static Map<String, Object> configError(ConfigException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("line", e.location().line());
        body.put("path", e.location().path());
        body.put("reason", e.reason());
        return body;
    }

    private void configs(Request request) throws IOException {
        request.json(200, Map.of("configs", workspace.configs(), "workspace", workspace.root().toString()));
    }

    private void readConfig(Request request) throws IOException {
        String path = request.query("path");
        request.json(200, Map.of("path", path, "text", workspace.readConfig(path)));
    }

    private void writeConfig(Request request) throws IOException {
        String path = request.query("path");
        workspace.writeConfig(path, request.body());
        request.json(200, Map.of("saved", path));
    }

    /** The config reader's verdict on the text being typed: fine, or what is wrong at which line. */
    private void validate(Request request) throws IOException {
        String text = request.body();
        String name = configName(request);
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            ClipigConfig config = PageConfig.read(text, name, workspace);
            body.put("ok", true);
            body.put("epochs", config.epochs());
        } catch (ConfigException e) {
            body.put("ok", false);
            body.putAll(configError(e));
        }
        request.json(200, body);
    }

    private void start(Request request) throws IOException {
        String text = request.body();
        LiveRun run = renders.start(text, configName(request), request.longQuery("seed", 0));
        request.json(200, Map.of("run", run.current().json()));
    }

    private Map<String, Object> control(Consumer<LiveRun> action) {
        LiveRun run = renders.active();
        action.accept(run);
        return Map.of("run", run.current().json());
    }

    private void watch(Request request) throws IOException, InterruptedException {
        if (watchers.incrementAndGet() > MAX_WATCHERS) {
            watchers.decrementAndGet();
            throw new RequestException(503, "more than " + MAX_WATCHERS + " pages are watching; close one");
        }
        try {
            events.serve(request);
        } catch (IOException e) {
            // the page went away
        } finally {
            watchers.decrementAndGet();
        }
    }

    private void runs(Request request) throws IOException {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (RunRecord stored : store.list()) runs.add(renders.live(stored).json());
        request.json(200, Map.of("runs", runs));
    }

    /** A past (or the current) run: its record, the config it ran and its steps, for the page to reopen. */
    private void run(Request request) throws IOException {
        String id = request.query("id");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run", renders.live(store.record(id)).json());
        Path config = store.file(id, RunStore.CONFIG);
        body.put("config", Files.isRegularFile(config) ? Workspace.readText(config, id + "/" + RunStore.CONFIG) : "");
        body.put("steps", store.steps(id).stream().map(Json.Raw::new).toList());
        request.json(200, body);
    }

    private void runImage(Request request) throws IOException {
        String id = request.query("id");
        Path image = store.file(id, RunStore.IMAGE);
        if (!Files.isRegularFile(image)) throw RequestException.notFound("run " + id + " has no image yet");
        request.send(200, "image/png", Files.readAllBytes(image));
    }

    private static String configName(Request request) {
        String name = request.optionalQuery("name").orElse("untitled.yaml");
        if (name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw RequestException.badRequest("not a config name: " + name);
        }
        return name;
    }

    /** Where to serve, which workspace and which model; {@link #workspace} and {@link #model} are required. */
    public static final class Builder {
        private Path workspace;
        private String host = "127.0.0.1";
        private int port = 8080;
        private String modelName;
        private Supplier<ClipModel> loader;

        public Builder workspace(Path value) {
            this.workspace = Objects.requireNonNull(value);
            return this;
        }

        /** The address to listen on; 127.0.0.1 unless the studio is to be reached from elsewhere. */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value);
            return this;
        }

        /** The port; 0 takes a free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) throw new IllegalArgumentException("not a port: " + value);
            this.port = value;
            return this;
        }

        /** The model's name for the run records, and how to load it when the first render starts. */
        public Builder model(String name, Supplier<ClipModel> load) {
            this.modelName = Objects.requireNonNull(name);
            this.loader = Objects.requireNonNull(load);
            return this;
        }

        /** Starts serving; fails if the port is taken or the workspace cannot be made. */
        public Studio start() throws IOException {
            Objects.requireNonNull(workspace, "workspace");
            Objects.requireNonNull(loader, "model");
            return new Studio(this);
        }
    }
}
