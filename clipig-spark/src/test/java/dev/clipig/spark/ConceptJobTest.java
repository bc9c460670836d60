package dev.clipig.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.experiments.ConceptGrid;
import dev.clipig.experiments.ConceptImage;
import dev.clipig.experiments.ConceptTask;
import dev.clipig.experiments.Method;
import dev.clipig.gallery.GalleryWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The concept grid on a local Spark session against what {@code clipig concept} writes on one machine. */
class ConceptJobTest {
    private static final String[] OPTIONS = {"-m", LocalSpark.MODEL, "--animals", "cat,pig", "--things", "cake,harp",
        "--methods", "1", "--epochs", "5", "--seed", "7"};

    private static final String LOG = "job.log";

    @TempDir
    static Path reference;

    private static final Map<String, Double> SIMILARITIES = new HashMap<>();
    private static SparkSession spark;

    /** The 2 x 2 x 1 grid of 5-epoch renders, as the single-machine command renders it. */
    private static ConceptGrid.Builder grid() {
        return ConceptGrid.builder().animals(List.of("cat", "pig")).things(List.of("cake", "harp"))
                .methods(List.of(Method.shipped(1).withEpochs(5))).seed(7);
    }

    private static List<ConceptTask> tasks() {
        return grid().build().tasks();
    }

    @BeforeAll
    static void renderOnOneMachine() {
        for (ConceptImage image : grid().resultsDir(reference).build().run(LocalSpark.model())) {
            SIMILARITIES.put(reference.relativize(image.image()).toString(), image.similarity());
        }
        spark = LocalSpark.session();
    }

    @Test
    void theGridEqualsWhatConceptWritesPixelForPixel(@TempDir Path results) throws IOException {
        List<Row> rows = ConceptJob.run(spark, results.toString(), LocalSpark.MODEL, tasks());

        assertEquals(4, rows.size());
        for (Row row : rows) {
            String image = row.getAs("image");
            assertEquals("rendered", row.getAs("outcome"), image);
            assertArrayEquals(Files.readAllBytes(reference.resolve(image)), Files.readAllBytes(results.resolve(image)),
                    image);
            assertEquals(SIMILARITIES.get(image), row.<Double>getAs("similarity"), image);
            assertEquals(5, row.getList(row.fieldIndex("similarities")).size());
        }
        assertEquals(LocalSpark.files(reference), LocalSpark.files(results.resolve("concept")).stream()
                .map(f -> "concept/" + f).toList(), "the images and nothing else, no partial files or checkpoints");
        List<Row> parquet = spark.read().parquet(results.resolve(ConceptJob.PARQUET).toString()).collectAsList();
        assertEquals(new TreeSet<>(SIMILARITIES.keySet()),
                new TreeSet<>(parquet.stream().map(row -> row.<String>getAs("image")).toList()));

        String html = Files.readString(GalleryWriter.write(results));
        assertTrue(html.contains("data-prompt=\"a pig made of harp\" data-method1=\"concept/method1/pig-harp.png\""),
                html);
    }

    @Test
    void aFailingTaskIsReportedInOneLineAndTheOthersAreDone(@TempDir Path results) throws IOException {
        ConceptTask damaged = tasks().get(3);
        Path checkpoint = results.resolve(damaged.checkpointPath());
        Files.createDirectories(checkpoint.getParent());
        Files.writeString(checkpoint, "not a checkpoint");

        List<Row> rows = ConceptJob.run(spark, results.toString(), LocalSpark.MODEL, tasks());

        Row failed = rows.get(3);
        String error = failed.getAs("error");
        assertEquals("failed", failed.getAs("outcome"));
        assertTrue(error.contains(damaged.checkpointPath() + ": not a readable checkpoint"), error);
        assertFalse(error.contains("\n"), error);
        assertEquals("done: 1 failed, 3 rendered\nfailed: concept/method1/pig-harp.png: " + error,
                ConceptJob.summary(rows));
        assertFalse(Files.exists(results.resolve(damaged.imagePath())));
        for (Row row : rows.subList(0, 3)) {
            String image = row.getAs("image");
            assertArrayEquals(Files.readAllBytes(reference.resolve(image)), Files.readAllBytes(results.resolve(image)));
        }
    }

    @Test
    void aKilledJobRunAgainFinishesOnlyWhatIsMissing(@TempDir Path results) throws Exception {
        Process job = startJob(results, "local[1]");
        try {
            awaitFirstImage(job, results);
        } finally {
            job.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        Set<String> finished = images(results);
        assertTrue(finished.size() < 4, "the job was killed before its end: " + finished);

        List<Row> rows = ConceptJob.run(spark, results.toString(), LocalSpark.MODEL, tasks());

        for (Row row : rows) {
            String image = row.getAs("image");
            String outcome = row.getAs("outcome");
            assertEquals(finished.contains(image), outcome.equals("skipped"), image + " " + outcome);
            assertArrayEquals(Files.readAllBytes(reference.resolve(image)), Files.readAllBytes(results.resolve(image)),
                    image + " " + outcome);
        }
        assertEquals(LocalSpark.files(reference), new ArrayList<>(new TreeSet<>(images(results))));
    }

    /** The job in a JVM of its own, which the test can kill as a cluster manager would. */
    private static Process startJob(Path results, String master) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ConceptJob.class.getName(),
                results.toString(), "--master", master));
        command.addAll(List.of(OPTIONS));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(results.resolve(LOG).toFile()).start();
    }

    /** Waits as long as a machine loaded by other builds may need; what is tested is the order of things. */
    private static void awaitFirstImage(Process job, Path results) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (System.nanoTime() < deadline) {
            if (!images(results).isEmpty()) return;
            if (!job.isAlive()) {
                throw new AssertionError("the job ended with " + job.exitValue() + " before its first image: "
                        + Files.readString(results.resolve(LOG)));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no image within 600 s: " + Files.readString(results.resolve(LOG)));
    }

    /** The finished images of the grid's method: in the method's folder, not in its partial one. */
    private static Set<String> images(Path results) throws IOException {
        Path dir = results.resolve("concept/method1");
        if (!Files.isDirectory(dir)) return Set.of();
        try (var files = Files.list(dir)) {
            return new TreeSet<>(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".png"))
                    .map(n -> "concept/method1/" + n).toList());
        }
    }
}
