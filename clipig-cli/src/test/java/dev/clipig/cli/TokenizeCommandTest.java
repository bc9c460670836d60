package dev.clipig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TokenizeCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    @Test
    void printsIdsWithStartAndEndOneLinePerText(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("texts.txt"), "a cat\n");
        assertEquals(0, run("tokenize", "--file", file.toString(), "a diagram", "a dog"));
        assertEquals("49406 320 22697 49407\n49406 320 1929 49407\n49406 320 2368 49407\n",
                out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void truncatesOnRequestAndOtherwiseFailsInOneLine() {
        assertEquals(0, run("tokenize", "--context", "4", "--truncate", "a diagram of a dog"));
        assertEquals("49406 320 22697 49407", out.toString().strip());
        assertEquals(1, run("tokenize", "--context", "4", "a diagram of a dog"));
        String message = err.toString().strip();
        assertTrue(message.startsWith("tokenize: text \"a diagram of a dog\" needs 7 tokens"), message);
        assertEquals(1, message.lines().count());
    }

    @Test
    void namesAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing.txt");
        assertEquals(1, run("tokenize", "--file", missing.toString()));
        assertEquals("tokenize: --file " + missing + ": no such file", err.toString().strip());
    }
}
