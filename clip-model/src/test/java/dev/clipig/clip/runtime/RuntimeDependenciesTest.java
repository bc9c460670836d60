package dev.clipig.clip.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime layer depends on neither the blocks nor the model, so that clipig-core can use it
 * without reaching into {@code dev.clipig.clip.nn}, and the blocks can use it without a cycle.
 */
class RuntimeDependenciesTest {

    @Test
    void runtimeImportsNothingElseOfTheProject() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/clipig/clip/runtime"))) {
            List<String> imports = files.flatMap(RuntimeDependenciesTest::imports)
                    .filter(l -> l.contains("import dev.clipig.") && !l.contains("import dev.clipig.clip.runtime."))
                    .toList();
            assertEquals(List.of(), imports);
        }
    }

    /** Each import line of the file, prefixed with the file's name. */
    private static Stream<String> imports(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith("import "))
                    .map(l -> file.getFileName() + ": " + l);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
