package dev.clipig.studio;

import dev.clipig.core.config.ClipigConfig;
import dev.clipig.io.OutputFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's one render slot: a run starts only when none is running (one model, one machine's
 * cores), on one long-lived thread, so that the renderer's per-thread native workspaces are made once.
 */
final class Renders implements AutoCloseable {
    /** The start of a stored step, as {@link StepPoint#json()} writes it. */
    private static final Pattern STEP_EPOCH = Pattern.compile("\\{\"epoch\":(\\d+),");

    private final Workspace workspace;
    private final RunStore store;
    private final LazyModel model;
    private final String modelName;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "clipig-studio-render");
        t.setDaemon(true);
        return t;
    });
    private volatile LiveRun current;

    Renders(Workspace workspace, RunStore store, LazyModel model, String modelName) {
        this.workspace = workspace;
        this.store = store;
        this.model = model;
        this.modelName = modelName;
    }

    /** Starts a render of this config text, or says why not (a run in progress, a bad config). */
    synchronized LiveRun start(String text, String name, long seed) throws IOException {
        LiveRun running = current;
        if (running != null && running.active()) {
            RunRecord r = running.current();
            throw RequestException.conflict("one render at a time: " + r.name() + " is " + r.state() + " at epoch "
                    + r.done() + " of " + r.epochs() + "; stop it first");
        }
        ClipigConfig config = PageConfig.read(text, name, workspace);
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Path dir = store.create(name, now);
        OutputFile.writeText(dir.resolve(RunStore.CONFIG), text);
        RunRecord record = new RunRecord(dir.getFileName().toString(), name, modelName, seed, config.epochs(), 0,
                "running", "", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(now));
        record.save(dir);
        LiveRun run = new LiveRun(record, dir, config);
        current = run;
        thread.execute(() -> run.render(model));
        return run;
    }

    /** The run in progress or the last one, if any. */
    Optional<LiveRun> current() {
        return Optional.ofNullable(current);
    }

    /** The run in progress, for pause, resume and stop. */
    LiveRun active() {
        LiveRun run = current;
        if (run == null || !run.active()) throw RequestException.conflict("no render is running");
        return run;
    }

    /**
     * A stored run's record as it stands: the live state for the current run; for one a server left
     * running, "interrupted" at its last stored step.
     */
    RunRecord live(RunRecord stored) throws IOException {
        LiveRun run = current;
        if (run != null && run.id().equals(stored.id())) return run.current();
        if (!stored.state().equals("running")) return stored;
        List<String> steps = store.steps(stored.id());
        Matcher last = STEP_EPOCH.matcher(steps.isEmpty() ? "" : steps.get(steps.size() - 1));
        int done = last.lookingAt() ? Integer.parseInt(last.group(1)) + 1 : 0;
        return stored.with(done, "interrupted", "the server ended during the run");
    }

    /** Stops a render in progress, waits for it to record its end, and frees the model. */
    @Override
    public void close() throws InterruptedException {
        LiveRun run = current;
        if (run != null) run.stop();
        thread.shutdown();
        thread.awaitTermination(30, TimeUnit.SECONDS);
        model.close();
    }
}
