package dev.clipig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real launcher, as a user starts it: a JVM that re-launches itself with the native environment. */
class LauncherProcessTest {
    @Test
    void theRelaunchedChildEndsWhenTheLauncherIsKilled(@TempDir Path workspace) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The studio serves until stopped (on a free port; it loads no model before a render).
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "studio", "--port", "0",
                "--workspace", workspace.toString()));
        builder.environment().remove("CLIPIG_RELAUNCHED");
        Path errors = Files.createTempFile("clipig-launcher", ".err");
        builder.redirectError(errors.toFile());
        Process launcher = builder.start();
        ProcessHandle child = awaitChild(launcher.toHandle());
        try {
            assertTrue(child.isAlive(), "the child ended before the launcher was killed: " + Files.readString(errors));
            String commandLine = Files.readString(Path.of("/proc", Long.toString(child.pid()), "cmdline"));
            assertTrue(List.of(commandLine.split("\0")).contains("-Dorg.bytedeco.javacpp.maxPhysicalBytes=0"), commandLine);
            launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertFalse(launcher.isAlive());
            child.onExit().completeOnTimeout(child, 20, TimeUnit.SECONDS).get();
            assertFalse(child.isAlive(), "the child outlived its launcher");
        } finally {
            child.destroyForcibly();
            launcher.destroyForcibly();
            Files.delete(errors);
        }
    }

    @Test
    void aCommandThatLoadsNd4jPrintsNothingButItsResultUnlessVerbose(@TempDir Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> embed = List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "embed", "--model", "toy-shapes", "--text", "a red circle", "--out");
        Path errors = dir.resolve("err.txt");
        Process quiet = new ProcessBuilder(concat(embed, dir.resolve("quiet.npy").toString()))
                .redirectError(errors.toFile()).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(quiet.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, quiet.exitValue(), Files.readString(errors));
        assertEquals("", Files.readString(errors));

        Process verbose = new ProcessBuilder(concat(embed, dir.resolve("verbose.npy").toString(), "--verbose"))
                .redirectError(errors.toFile()).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(verbose.waitFor(120, TimeUnit.SECONDS));
        assertTrue(Files.readString(errors).contains("INFO org.nd4j"), Files.readString(errors));
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static ProcessHandle awaitChild(ProcessHandle launcher) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> child = launcher.children().findFirst();
            if (child.isPresent()) {
                Thread.sleep(2000); // let the child reach its main method and watch the launcher
                return child.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the launcher started no child within 30 s");
    }
}
