package dev.clipig.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.ClipigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunInputsTest {
    @TempDir
    Path dir;

    @Test
    void refusesAnInputByItsPathASymbolicLinkOrAHardLink() throws Exception {
        Path texts = Files.writeString(dir.resolve("texts.txt"), "a cat");
        Path symbolic = Files.createSymbolicLink(dir.resolve("symbolic.npy"), texts);
        Path hard = Files.createLink(dir.resolve("hard.npy"), texts);
        RunInputs inputs = RunInputs.none().with("--texts-file", texts).with("--model", (Path) null);
        for (Path output : List.of(texts, dir.resolve("sub/../texts.txt"), symbolic, hard)) {
            ClipigException e = assertThrows(ClipigException.class, () -> inputs.refuseAsOutput(output));
            assertTrue(e.getMessage().startsWith(output + ": is the --texts-file " + texts), e.getMessage());
        }
        assertTrue(Files.readString(texts).equals("a cat"));
    }

    @Test
    void letsOtherFilesAndNewNamesBe() throws Exception {
        Path config = Files.writeString(dir.resolve("cat.yaml"), "epochs: 1");
        Path other = Files.writeString(dir.resolve("cat.png"), "old image");
        RunInputs inputs = RunInputs.none().with("config", config.toString()).with("model", "ViT-B/32")
                .with("bad", "a\u0000b");
        assertDoesNotThrow(() -> inputs.refuseAsOutput(other));
        assertDoesNotThrow(() -> inputs.refuseAsOutput(dir.resolve("new.png")));
    }
}
