package dev.clipig.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.io.OutputLock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No command loses a user's file: an output that is one of the run's inputs (by name or through a
 * link), a place that is not a file, or an image another run is writing is refused in one line, and
 * the input is left as it was.
 */
class OutputSafetyTest {
    private static final String CONFIG = """
            epochs: 1
            resolution: 8
            targets:
              - features:
                  - text: a red circle on white
            """;

    @TempDir
    Path dir;

    @Test
    void convertRefusesToWriteOverItsInputByNameOrLink() throws Exception {
        Path checkpoint = Files.copy(ModelFixtures.model("a.pt"), dir.resolve("a.pt"));
        byte[] before = Files.readAllBytes(checkpoint);
        Path link = Files.createSymbolicLink(dir.resolve("a.safetensors"), checkpoint);
        for (Path out : List.of(checkpoint, link)) {
            String line = refused("convert", checkpoint.toString(), out.toString());
            assertTrue(line.startsWith("convert: " + out + ": is the checkpoint to convert " + checkpoint), line);
        }
        assertArrayEquals(before, Files.readAllBytes(checkpoint));
        assertEquals(List.of(checkpoint, link), sorted(dir));
    }

    @Test
    void embedRefusesToWriteOverItsTextsFile() throws Exception {
        Path texts = Files.writeString(dir.resolve("t.txt"), "a cat\n");
        String line = refused("embed", "--model", "toy-shapes", "--texts-file", texts.toString(), "--out", texts.toString());
        assertTrue(line.startsWith("embed: " + texts + ": is the --texts-file " + texts), line);
        assertEquals("a cat\n", Files.readString(texts));
    }

    @Test
    void renderRefusesAnOutputThatIsNotAPlaceForAFileWithoutAStackTrace() throws Exception {
        Path config = Files.writeString(dir.resolve("c.yaml"), CONFIG);
        String line = refusedWithQuietStandardError("render", config.toString(), "--model", "toy-shapes",
                "-o", "/proc/x.png");
        assertTrue(line.startsWith("render: /proc/x.png: cannot write"), line);
        Path checkpointFolder = Files.createDirectory(dir.resolve("out.png.ckpt"));
        line = refused("render", config.toString(), "--model", "toy-shapes", "-o", dir.resolve("out.png").toString());
        assertEquals("render: " + checkpointFolder + ": cannot write: is a directory", line);
        assertEquals(List.of(config, checkpointFolder), sorted(dir), "refused before the first epoch");
    }

    @Test
    void anEmptyOutputNameIsRefusedRatherThanTakenForTheCurrentFolder() throws Exception {
        Path config = Files.writeString(dir.resolve("c.yaml"), CONFIG);
        assertEquals("render: -o needs a file or a folder, not \"\"",
                refused("render", config.toString(), "--model", "toy-shapes", "-o", ""));
    }

    @Test
    void aResumedRenderRefusesToWriteOverItsInitImage() throws Exception {
        Path config = Files.writeString(dir.resolve("c.yaml"), CONFIG);
        Path image = dir.resolve("out.png");
        assertEquals(0, CommandRun.of("render", config.toString(), "--model", "toy-shapes", "-o", image.toString()).exit());
        byte[] before = Files.readAllBytes(image);
        Path fromImage = Files.writeString(dir.resolve("from-image.yaml"), CONFIG + "init:\n  image: " + image + "\n");
        String line = refused("render", fromImage.toString(), "--model", "toy-shapes", "-o", image.toString(), "--resume");
        assertTrue(line.startsWith("render: " + image + ": is the init image " + image), line);
        assertArrayEquals(before, Files.readAllBytes(image));
    }

    @Test
    void aSecondRunOfOneImageIsRefusedWhileTheFirstHoldsIt() throws Exception {
        Path config = Files.writeString(dir.resolve("c.yaml"), CONFIG);
        Path image = dir.resolve("out.png");
        try (OutputLock first = OutputLock.acquire(image)) {
            String line = refused("render", config.toString(), "--model", "toy-shapes", "-o", image.toString());
            assertTrue(line.startsWith("render: " + image + ": another run (process "), line);
            assertTrue(line.endsWith("is writing this image (it holds out.png.lock); wait for it to finish or name"
                    + " another output"), line);
        }
        assertFalse(Files.exists(image));
        assertEquals(0, CommandRun.of("render", config.toString(), "--model", "toy-shapes", "-o", image.toString()).exit());
        assertFalse(Files.exists(OutputLock.fileOf(image)), "the run removed its lock file");
    }

    private static String refused(String... args) {
        CommandRun run = CommandRun.of(args);
        assertEquals(1, run.exit(), run.err());
        return run.errorLine();
    }

    /** {@link #refused}, checking that nothing (a library's stack trace) went to the process's standard error. */
    private static String refusedWithQuietStandardError(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return refused(args);
        } finally {
            System.setErr(original);
            assertEquals("", captured.toString(StandardCharsets.UTF_8));
        }
    }

    private static List<Path> sorted(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
