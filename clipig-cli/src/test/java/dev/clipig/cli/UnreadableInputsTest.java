package dev.clipig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input that is missing, a folder, not text or beyond a limit is named in one line, in words rather
 * than Java's class names or a native allocation's stack trace.
 */
class UnreadableInputsTest {
    @TempDir
    Path dir;

    @Test
    void aConfigThatIsMissingAFolderOrNotTextIsNamedAsSuch() throws Exception {
        Path binary = Files.write(dir.resolve("binary.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertEquals("render: " + dir + ": cannot read config file: is a directory, not a file", render(dir));
        assertEquals("render: " + binary + ": cannot read config file: not UTF-8 text", render(binary));
        Path missing = dir.resolve("missing.yaml");
        assertEquals("render: " + missing + ": cannot read config file: no such file", render(missing));
    }

    @Test
    void aTextsFileThatIsNotTextIsNamedAsSuch() throws Exception {
        Path binary = Files.write(dir.resolve("t.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        CommandRun run = CommandRun.of("embed", "--model", "toy-shapes", "--texts-file", binary.toString(),
                "--out", dir.resolve("e.npy").toString());
        assertEquals("embed: --texts-file " + binary + ": cannot read: not UTF-8 text", run.errorLine());
        run = CommandRun.of("embed", "--model", "toy-shapes", "--texts-file", dir.toString(),
                "--out", dir.resolve("e.npy").toString());
        assertEquals("embed: --texts-file " + dir + ": is a directory, not a file", run.errorLine());
    }

    @Test
    void aGalleryOfAFileAndABenchBatchBeyondTheLimitAreRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("results.txt"), "not a folder");
        assertEquals("gallery: results folder " + file + " is not a folder",
                CommandRun.of("gallery", file.toString()).errorLine());
        assertEquals("bench: --batch 100000: at most 256 images per pass",
                CommandRun.of("bench", "--batch", "100000").errorLine());
        assertEquals("bench: there is no method 'method9'; the methods are method1, method2 and method3",
                CommandRun.of("bench", "--method", "method9").errorLine());
    }

    private static String render(Path config) {
        CommandRun run = CommandRun.of("render", config.toString(), "--model", "toy-shapes");
        assertEquals(1, run.exit(), run.err());
        return run.errorLine();
    }
}
