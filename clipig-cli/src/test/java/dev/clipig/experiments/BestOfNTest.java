package dev.clipig.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.clip.ClipModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BestOfNTest {
    private static ClipModel model;

    @TempDir
    Path results;

    @BeforeAll
    static void loadModel() {
        model = SmallMethods.model();
    }

    private BestOfN.Builder ranking() {
        return BestOfN.builder().resultsDir(results).name("red-apple").method(SmallMethods.method(1, 3))
                .prompt("a red apple").runs(3).best(1).shortEpochs(2).firstSeed(10);
    }

    @Test
    void ranksEveryRunAndContinuesTheBest() throws IOException {
        List<String> heard = new ArrayList<>();
        List<RankedSeed> ranked = ranking().listener((stage, run, seconds) -> heard.add(stage + " " + run.run()))
                .build().run(model);

        Path dir = results.resolve("rank/red-apple");
        List<String> csv = Files.readAllLines(dir.resolve("ranking.csv"));
        assertEquals("run,seed,sim_short,sim_full", csv.get(0));
        assertEquals(4, csv.size());
        assertEquals(ranked.stream().map(RankedSeed::csvRow).toList(), csv.subList(1, 4));
        String[] best = csv.get(1).split(",", -1);
        assertFalse(best[3].isEmpty(), "the best run has its full similarity");
        assertTrue(csv.subList(2, 4).stream().allMatch(row -> row.endsWith(",")), "the others have none");

        RankedSeed bestShort = ranked.stream().max(Comparator.comparingDouble(RankedSeed::simShort)).orElseThrow();
        assertEquals(bestShort, ranked.get(0), "the run continued is the one best after the short run");
        assertEquals(List.of(10L, 11L, 12L), ranked.stream().map(RankedSeed::seed).sorted().toList());
        assertEquals(List.of("SHORT run-0", "SHORT run-1", "SHORT run-2", "FULL " + bestShort.run()), heard);

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("ranking.csv", "run-0.png", "run-1.png", "run-2.png"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void countsAreCheckedBeforeAnythingIsRendered() {
        assertEquals("best must be between 1 and the runs (3), got 4",
                assertThrows(ExperimentException.class, () -> ranking().best(4).build()).getMessage());
        assertEquals("short epochs must be between 1 and the full run's 2, got 3",
                assertThrows(ExperimentException.class, () -> ranking().shortEpochs(3).build()).getMessage());
        assertEquals("ranking name '../up' is not a folder name (letters, digits, . _ -)",
                assertThrows(ExperimentException.class, () -> ranking().name("../up").build()).getMessage());
        assertFalse(Files.exists(results.resolve("rank")));
    }
}
