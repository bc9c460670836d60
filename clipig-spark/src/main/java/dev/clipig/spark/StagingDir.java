package dev.clipig.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A task's folder on the executor's local disk: the renderer writes snapshots and checkpoints to a
 * local path, and the finished files go to the results folder from here.
 */
final class StagingDir implements AutoCloseable {
    private final Path dir;

    StagingDir() {
        try {
            this.dir = Files.createTempDirectory("clipig-task-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a local folder for the task: " + e.getMessage(), e);
        }
    }

    Path path() {
        return dir;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
