package dev.clipig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConceptCommandTest {
    @TempDir
    Path results;

    @Test
    void rendersTheChosenCellsOneLineEachAndSkipsThemTheSecondTime() {
        String[] args = {"concept", results.toString(), "--model", ModelFixtures.model("a.pt").toString(),
            "--animals", "snail", "--things", "coral-reef", "--methods", "2", "--epochs", "1"};

        CommandRun first = CommandRun.of(args);
        CommandRun second = CommandRun.of(args);

        assertEquals(0, first.exit(), first.err());
        List<String> lines = first.out().strip().lines().toList();
        assertTrue(lines.get(0).matches("\\[1/1] concept/method2/snail-coral-reef\\.png rendered: sim -?\\d+\\.\\d\\d"
                + " \\(\\d+\\.\\d s\\)"), lines.get(0));
        assertEquals("done: 1 rendered, 0 resumed, 0 skipped", lines.get(1));
        assertTrue(Files.isRegularFile(results.resolve("concept/method2/snail-coral-reef.png")));
        assertEquals(0, second.exit(), second.err());
        assertEquals(List.of("[1/1] concept/method2/snail-coral-reef.png exists, skipped",
                "done: 0 rendered, 0 resumed, 1 skipped"), second.out().strip().lines().toList());
    }

    @Test
    void methodThreeRendersIntoItsOwnFolder() {
        CommandRun run = CommandRun.of("concept", results.toString(), "--model", ModelFixtures.model("a.pt").toString(),
                "--animals", "snail", "--things", "coral-reef", "--methods", "3", "--epochs", "2");

        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.isRegularFile(results.resolve("concept/method3/snail-coral-reef.png")), run.out());
    }

    @Test
    void anAnimalOutsideTheGridIsOneLineBeforeTheModelLoads() {
        CommandRun run = CommandRun.of("concept", results.toString(), "--model", "no-such-model",
                "--animals", "cat,dog");

        assertTrue(run.errorLine().startsWith("concept: --animals: unknown animal 'dog'; the animals are cat,"),
                run.err());
    }

    @Test
    void aMethodOtherThanOneToThreeIsOneLine() {
        CommandRun run = CommandRun.of("concept", results.toString(), "--model", "no-such-model", "--methods", "4");

        assertEquals("concept: there is no method 4; the methods are 1, 2 and 3", run.errorLine());
    }
}
