package dev.clipig.spark;

import dev.clipig.core.render.RenderListener;
import dev.clipig.core.render.StepReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * Hears a render's steps and copies the checkpoint the renderer writes locally to the results
 * folder whenever it changed, so that a task whose executor dies continues there, on another
 * machine or in a re-run, instead of starting over.
 */
final class CheckpointSync implements RenderListener {
    private final Path local;
    private final ResultStore results;
    private final String checkpoint;
    private FileTime copied;

    /** Copies {@code local} to {@code checkpoint}, a path in the results folder. */
    CheckpointSync(Path local, ResultStore results, String checkpoint) {
        this.local = local;
        this.results = results;
        this.checkpoint = checkpoint;
    }

    @Override
    public void onStep(StepReport report) {
        if (!Files.exists(local)) return;
        try {
            FileTime written = Files.getLastModifiedTime(local);
            if (written.equals(copied)) return;
            results.upload(local, checkpoint);
            copied = written;
        } catch (IOException | UncheckedIOException e) {
            // The checkpoint is a convenience for a later attempt; the render itself goes on.
        }
    }
}
