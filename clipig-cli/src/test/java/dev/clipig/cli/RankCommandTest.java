package dev.clipig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankCommandTest {
    @TempDir
    Path results;

    @Test
    void printsEachRunAndTheBestAndWritesTheRanking() throws IOException {
        CommandRun run = CommandRun.of("rank", results.toString(), "--name", "salami-cat",
                "--text", "a cat made of salami", "--model", ModelFixtures.model("a.pt").toString(),
                "--method", "2", "--runs", "2", "--best", "1", "--short-epochs", "1", "--epochs", "2", "--seed", "5");

        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().strip().lines().toList();
        assertEquals(4, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("short run-0 seed 5: sim "), lines.get(0));
        assertTrue(lines.get(1).startsWith("short run-1 seed 6: sim "), lines.get(1));
        assertTrue(lines.get(2).matches("full  run-[01] seed [56]: sim .*"), lines.get(2));
        Path csv = results.resolve("rank/salami-cat/ranking.csv");
        assertTrue(lines.get(3).startsWith("best: run-") && lines.get(3).endsWith("; wrote " + csv), lines.get(3));
        assertEquals(3, Files.readAllLines(csv).size());
        assertTrue(Files.isRegularFile(results.resolve("rank/salami-cat/run-0.png")));
        assertTrue(Files.isRegularFile(results.resolve("rank/salami-cat/run-1.png")));
    }

    @Test
    void impossibleCountsAreOneLineBeforeTheModelLoads() {
        CommandRun run = CommandRun.of("rank", results.toString(), "--name", "n", "--text", "a cat",
                "--model", "no-such-model", "--runs", "2", "--best", "3");

        assertEquals("rank: best must be between 1 and the runs (2), got 3", run.errorLine());
    }
}
