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

class GalleryCommandTest {
    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "gallery";
        System.arraycopy(args, 0, command, 1, args.length);
        return Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(command);
    }

    @Test
    void writesThePageAndSaysWhere() throws IOException {
        Path results = Files.createDirectories(temp.resolve("results"));

        assertEquals(0, run(results.toString()));

        Path page = results.resolve("index.html");
        assertTrue(Files.isRegularFile(page));
        assertEquals("wrote " + page.toAbsolutePath().toUri(), out.toString().strip());
    }

    @Test
    void aMissingFolderIsOneLineOnStderr() {
        Path missing = temp.resolve("nowhere");

        assertEquals(1, run(missing.toString()));

        assertEquals("gallery: results folder " + missing + " does not exist", err.toString().strip());
    }
}
