package dev.clipig.studio;

import dev.clipig.ClipigException;
import dev.clipig.clip.ClipModel;
import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.render.PixelImages;
import dev.clipig.core.render.Renderer;
import dev.clipig.core.render.StepReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The render the server is running or ran last: the renderer on the studio's render thread, its steps
 * as they come, its latest image, and the gate through which the page pauses and stops it.
 */
final class LiveRun {
    private enum Phase { LOADING, RUNNING, FINISHED, STOPPED, FAILED }

    private final RunRecord record;
    private final Path dir;
    private final ClipigConfig config;
    private final TargetLabels labels;
    private final RunGate gate = new RunGate();
    private final List<StepPoint> steps = new ArrayList<>();
    private volatile Phase phase = Phase.LOADING;
    private volatile String message = "";
    private volatile INDArray latest;
    private volatile int imageVersion;
    private int encodedVersion;
    private byte[] encoded;

    LiveRun(RunRecord record, Path dir, ClipigConfig config) {
        this.record = record;
        this.dir = dir;
        this.config = config;
        this.labels = new TargetLabels(config);
    }

    /**
     * Loads the model (the first time) and renders to the end, a stop or a failure, on the calling
     * thread; the outcome goes to the run's record. A stopped run's image is the last step's.
     */
    void render(LazyModel model) {
        Phase outcome;
        String why = "";
        try {
            ClipModel clip = model.get();
            gate.pass();
            phase = Phase.RUNNING;
            Renderer.builder().config(config).model(clip).seed(record.seed()).output(dir.resolve(RunStore.IMAGE))
                    .listener(this::onStep).build().run();
            outcome = Phase.FINISHED;
        } catch (RunStopped e) {
            outcome = Phase.STOPPED;
        } catch (RuntimeException | Error e) {
            outcome = Phase.FAILED;
            why = failure(e);
        }
        try {
            INDArray last = latest;
            if (outcome == Phase.STOPPED && last != null) PixelImages.writePng(last, dir.resolve(RunStore.IMAGE));
            record.with(done(), outcome.name().toLowerCase(Locale.ROOT), why).save(dir);
        } catch (IOException | UncheckedIOException | ClipigException e) {
            outcome = Phase.FAILED;
            why = failure(e);
        }
        message = why;
        phase = outcome;
    }

    private void onStep(StepReport step) {
        StepPoint point = StepPoint.of(step, labels.at(step.epoch(), step.epochs()));
        synchronized (steps) {
            steps.add(point);
        }
        try {
            Files.writeString(dir.resolve(RunStore.STEPS), point.json() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(RunStore.STEPS) + ": " + e.getMessage(), e);
        }
        latest = step.pixels();
        imageVersion++;
        gate.pass();
    }

    /** A one-line reason for the page; the trace of anything but this project's own errors goes to the log. */
    private String failure(Throwable e) {
        if (!e.getClass().getName().startsWith("dev.clipig.")) e.printStackTrace();
        String text = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return text.lines().findFirst().orElse("");
    }

    String id() {
        return record.id();
    }

    boolean active() {
        Phase p = phase;
        return p == Phase.LOADING || p == Phase.RUNNING;
    }

    /** loading, running, paused, finished, stopped or failed. */
    String state() {
        Phase p = phase;
        boolean paused = (p == Phase.LOADING || p == Phase.RUNNING) && gate.paused();
        return paused ? "paused" : p.name().toLowerCase(Locale.ROOT);
    }

    /** The record as it stands now. */
    RunRecord current() {
        return record.with(done(), state(), message);
    }

    private int done() {
        synchronized (steps) {
            return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).epoch() + 1;
        }
    }

    List<StepPoint> stepsFrom(int index) {
        synchronized (steps) {
            return index >= steps.size() ? List.of() : List.copyOf(steps.subList(index, steps.size()));
        }
    }

    void pause() {
        gate.pause();
    }

    void resume() {
        gate.resume();
    }

    void stop() {
        gate.stop();
    }

    /** Counts the images: it changes with every step. */
    int imageVersion() {
        return imageVersion;
    }

    /** The latest image as PNG (encoded once per step, however many pages watch), or null before the first step. */
    synchronized byte[] png() throws IOException {
        int version = imageVersion;
        INDArray pixels = latest;
        if (pixels == null) return null;
        if (encoded == null || encodedVersion != version) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(PixelImages.toImage(pixels), "png", out);
            encoded = out.toByteArray();
            encodedVersion = version;
        }
        return encoded;
    }
}
