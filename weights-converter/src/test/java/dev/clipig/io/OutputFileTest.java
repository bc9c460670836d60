package dev.clipig.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.ClipigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {
    @TempDir
    Path dir;

    @Test
    void replacesAFileKeepingItsModeAndLeavesNoTemporaryFile() throws Exception {
        Path file = Files.writeString(dir.resolve("out.txt"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        OutputFile.write(file, temporary -> Files.writeString(temporary, "new"));
        assertEquals("new", Files.readString(file));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void refusesADirectoryAFifoAndAnEmptyNameInOneLine() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        for (Path bad : List.of(dir, fifo, Path.of(""))) {
            ClipigException e = assertThrows(ClipigException.class,
                    () -> OutputFile.write(bad, temporary -> Files.writeString(temporary, "x")));
            assertTrue(e.getMessage().contains("cannot write") || e.getMessage().contains("file name"), e.getMessage());
        }
        assertTrue(Files.isDirectory(dir) && !Files.isRegularFile(fifo));
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndCleansUp() throws Exception {
        Path file = Files.writeString(dir.resolve("out.txt"), "old");
        assertThrows(ClipigException.class, () -> OutputFile.write(file, temporary -> {
            Files.writeString(temporary, "half");
            throw new java.io.IOException("disk full");
        }));
        assertEquals("old", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
