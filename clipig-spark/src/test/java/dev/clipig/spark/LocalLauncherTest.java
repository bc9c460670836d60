package dev.clipig.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher as a user runs it, {@code java -jar clipig-spark-local.jar}: Spark from its
 * {@code lib/}, the opens Spark needs from its manifest. Runs after the package phase (see the pom).
 */
class LocalLauncherTest {
    private static final Path JAR = Path.of(System.getProperty("clipig.spark.launcher", "target/clipig-spark-local.jar"));

    @Test
    void rendersAGridQuietly(@TempDir Path dir) throws Exception {
        Run run = launch(dir, "concept", dir.resolve("results").toString(), "-m", LocalSpark.MODEL, "--animals", "cat",
                "--things", "cake", "--methods", "1", "--epochs", "2", "--master", "local[1]");

        assertEquals(0, run.exit(), run.err());
        assertEquals("done: 1 rendered", run.out().strip());
        assertTrue(Files.size(dir.resolve("results/concept/method1/cat-cake.png")) > 0);
        assertTrue(run.err().lines().noneMatch(line -> line.contains(" INFO ")), run.err());
    }

    @Test
    void aMistakeIsOneLine(@TempDir Path dir) throws Exception {
        Run run = launch(dir, "concept", dir.toString(), "--animals", "dog");

        assertEquals(1, run.exit(), run.err());
        assertEquals("concept: --animals: unknown animal 'dog'; the animals are "
                + "cat,elephant,hedgehog,kangaroo,peacock,penguin,pig,snail,tapir", run.err().strip());
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run launch(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt"), err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("CLIPIG_RELAUNCHED");
        Process process = builder.start();
        // Generous: a machine loaded by other builds starts Spark slowly.
        if (!process.waitFor(600, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the launcher ran longer than 600 s: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
