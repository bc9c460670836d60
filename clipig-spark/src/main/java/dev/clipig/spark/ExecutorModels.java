package dev.clipig.spark;

import dev.clipig.clip.ClipModel;
import dev.clipig.clip.models.ModelCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;

/**
 * The models of this JVM, loaded on first use and kept for its life. An executor runs many tasks,
 * several at once (one per core), and every one of them needs the same hundreds of megabytes of
 * weights: loading them once per JVM, from the executor's own disk, is what keeps a task cheap.
 * Spark offers no per-executor state of its own, so this is the one JVM-wide map the project has.
 */
final class ExecutorModels {
    private static final Map<String, ClipModel> LOADED = new ConcurrentHashMap<>();

    private ExecutorModels() {
    }

    /**
     * The model of a name ({@code ViT-B/32}, {@code toy-shapes}: the executor's model cache), a
     * local file (a shared file system mounted on every machine) or a Hadoop URI ({@code hdfs:},
     * {@code s3a:}: copied once to the executor's local disk).
     */
    static ClipModel get(String model) {
        return LOADED.computeIfAbsent(model, ExecutorModels::load);
    }

    private static ClipModel load(String model) {
        URI uri = URI.create(model.replace(" ", "%20"));
        if (uri.getScheme() == null || uri.getScheme().equals("file")) {
            return ClipModel.load(ModelCatalog.standard().resolve(uri.getScheme() == null ? model : uri.getPath()));
        }
        try {
            org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(model);
            String name = remote.getName();
            Path local = Files.createTempFile("clipig-model-", name.substring(Math.max(0, name.lastIndexOf('.'))));
            local.toFile().deleteOnExit();
            remote.getFileSystem(new Configuration()).copyToLocalFile(false, remote,
                    new org.apache.hadoop.fs.Path(local.toUri()), true);
            return ClipModel.load(local);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the model " + model + ": " + e.getMessage(), e);
        }
    }
}
