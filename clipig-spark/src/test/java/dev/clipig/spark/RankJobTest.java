package dev.clipig.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.experiments.BestOfN;
import dev.clipig.experiments.Method;
import dev.clipig.gallery.GalleryWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Best of N in two stages on a local Spark session against what {@code clipig rank} writes on one machine. */
class RankJobTest {
    private static BestOfN.Builder ranking() {
        return BestOfN.builder().name("apple").method(Method.shipped(1).withEpochs(4)).prompt("a red apple").runs(3)
                .best(1).shortEpochs(2).firstSeed(5);
    }

    @Test
    void bothStagesWriteWhatRankWritesAndARerunSkipsThem(@TempDir Path reference, @TempDir Path results)
            throws IOException {
        ranking().resultsDir(reference).build().run(LocalSpark.model());
        SparkSession spark = LocalSpark.session();

        List<Row> rows = RankJob.run(spark, results.toString(), LocalSpark.MODEL, ranking().build());

        assertEquals(List.of("SHORT", "SHORT", "SHORT", "FULL"), rows.stream().map(r -> r.<String>getAs("stage")).toList());
        assertEquals("done: 4 rendered", RankJob.summary(rows));
        String csv = Files.readString(reference.resolve("rank/apple/ranking.csv"));
        assertEquals(csv, Files.readString(results.resolve("rank/apple/ranking.csv")));
        assertEquals(List.of("ranking.csv", "run-0.png", "run-1.png", "run-2.png"),
                LocalSpark.files(results.resolve("rank/apple")));
        for (String run : List.of("run-0.png", "run-1.png", "run-2.png")) {
            assertArrayEquals(Files.readAllBytes(reference.resolve("rank/apple").resolve(run)),
                    Files.readAllBytes(results.resolve("rank/apple").resolve(run)), run);
        }
        assertEquals(4, spark.read().parquet(results.resolve("spark/rank/apple/results.parquet").toString()).count());
        assertTrue(Files.readString(GalleryWriter.write(results)).contains("3 runs, 1 continued"));

        List<Row> again = RankJob.run(spark, results.toString(), LocalSpark.MODEL, ranking().build());

        assertEquals("done: 4 skipped", RankJob.summary(again));
        assertEquals(csv, Files.readString(results.resolve("rank/apple/ranking.csv")));
    }
}
