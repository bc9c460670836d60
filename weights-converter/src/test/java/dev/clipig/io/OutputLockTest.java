package dev.clipig.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.ClipigException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondProcessIsRefusedInOneLineNamingTheHolder() throws Exception {
        Path image = dir.resolve("sub/cat.png");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Holder.class.getName(), image.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            ClipigException e = assertThrows(ClipigException.class, () -> OutputLock.acquire(image));
            assertEquals(image + ": another run (process " + holder.pid() + ") is writing this image (it holds"
                    + " cat.png.lock); wait for it to finish or name another output", e.getMessage());
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        assertFalse(Files.exists(OutputLock.fileOf(image)), "the holder removed its lock file");
        try (OutputLock lock = OutputLock.acquire(image)) {
            assertTrue(Files.exists(OutputLock.fileOf(image)));
        }
    }

    @Test
    void aLockLeftByAKilledRunIsTakenOverAndRemoved() throws Exception {
        Path image = dir.resolve("cat.png");
        Files.writeString(OutputLock.fileOf(image), "999999 left by a killed run");
        try (OutputLock lock = OutputLock.acquire(image)) {
            assertThrows(ClipigException.class, () -> OutputLock.acquire(image), "a second run in this process");
        }
        assertFalse(Files.exists(OutputLock.fileOf(image)));
    }

    /** Holds the lock of the output named by its argument until its standard input closes. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (OutputLock lock = OutputLock.acquire(Path.of(args[0]))) {
                System.out.println("locked");
                System.out.flush();
                System.in.readAllBytes();
            }
        }
    }
}
