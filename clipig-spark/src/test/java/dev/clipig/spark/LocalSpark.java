package dev.clipig.spark;

import dev.clipig.clip.ClipModel;
import dev.clipig.clip.models.ModelCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/** What the job tests share: a real Spark session in local mode with two cores, and the toy model. */
final class LocalSpark {
    static final String MODEL = "toy-shapes";

    private LocalSpark() {
    }

    /** The test JVM's session; Spark keeps one per JVM, so every test class gets the same. */
    static SparkSession session() {
        return SparkSession.builder().master("local[2]").appName("clipig-spark tests")
                .config("spark.ui.enabled", false).getOrCreate();
    }

    /** The model as the single-machine commands load it. */
    static ClipModel model() {
        return ClipModel.load(ModelCatalog.standard().resolve(MODEL));
    }

    /** Every file under {@code dir}, relative to it with '/' separators, sorted. */
    static List<String> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
