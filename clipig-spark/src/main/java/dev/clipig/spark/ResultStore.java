package dev.clipig.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The results folder through Hadoop's {@link FileSystem}, so that {@code file:}, {@code hdfs:} and
 * {@code s3a:} folders all serve. Every file is written to a hidden temporary name beside its place
 * and renamed there when complete, so a reader (the gallery, a re-run) sees a whole file or none.
 * Serializable: executors get the driver's Hadoop settings (credentials, endpoints) with it.
 */
final class ResultStore implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String root;
    private final Map<String, String> hadoopSettings;
    private transient FileSystem fs;

    /** The folder as the driver sees it; a relative path is made absolute here, where it was meant. */
    ResultStore(String root, Configuration hadoop) {
        Path given = new Path(root);
        try {
            this.root = given.getFileSystem(hadoop).makeQualified(given).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the results folder " + root + ": " + e.getMessage(), e);
        }
        this.hadoopSettings = Map.copyOf(hadoop.getPropsWithPrefix(""));
    }

    /** The full path of a file given relative to the folder, with '/' separators. */
    String resolve(String relative) {
        return root + "/" + relative;
    }

    boolean exists(String relative) {
        return io(relative, () -> fs().exists(path(relative)));
    }

    /** Copies a file of the folder to a local file. */
    void download(String relative, java.nio.file.Path local) {
        io(relative, () -> {
            Files.createDirectories(local.getParent());
            fs().copyToLocalFile(false, path(relative), new Path(local.toUri()), true);
            return null;
        });
    }

    /** Puts a local file into the folder, replacing what was there. */
    void upload(java.nio.file.Path local, String relative) {
        write(relative, temporary -> fs().copyFromLocalFile(false, true, new Path(local.toUri()), temporary));
    }

    void writeText(String relative, String text) {
        write(relative, temporary -> {
            try (FSDataOutputStream out = fs().create(temporary, true)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    Optional<String> readText(String relative) {
        return io(relative, () -> {
            Path file = path(relative);
            if (!fs().exists(file)) return Optional.empty();
            try (var in = fs().open(file)) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        });
    }

    void delete(String relative) {
        io(relative, () -> fs().delete(path(relative), false));
    }

    /** Deletes a folder if it is empty; one another task is writing to stays. */
    void deleteIfEmpty(String relative) {
        try {
            FileSystem fs = fs();
            Path dir = path(relative);
            if (fs.exists(dir) && fs.listStatus(dir).length == 0) fs.delete(dir, false);
        } catch (IOException stillInUse) {
            // a task wrote into it meanwhile
        }
    }

    private void write(String relative, Writer writer) {
        io(relative, () -> {
            Path file = path(relative);
            Path temporary = new Path(file.getParent(), "." + file.getName() + "." + UUID.randomUUID() + ".tmp");
            FileSystem fs = fs();
            try {
                writer.write(temporary);
                // HDFS's rename does not replace a file, so the old one goes first.
                fs.delete(file, false);
                if (!fs.rename(temporary, file)) throw new IOException("cannot rename " + temporary + " to " + file);
            } finally {
                fs.delete(temporary, false);
            }
            return null;
        });
    }

    private Path path(String relative) {
        return new Path(resolve(relative));
    }

    private FileSystem fs() throws IOException {
        if (fs == null) {
            Configuration conf = new Configuration(false);
            hadoopSettings.forEach(conf::set);
            fs = new Path(root).getFileSystem(conf);
            // The local file system's .crc file beside every image would be clutter for the gallery's users.
            fs.setWriteChecksum(false);
        }
        return fs;
    }

    private static <T> T io(String relative, IoAction<T> action) {
        try {
            return action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot access " + relative + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface IoAction<T> {
        T run() throws IOException;
    }

    @FunctionalInterface
    private interface Writer {
        void write(Path temporary) throws IOException;
    }
}
