package dev.clipig.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.cli.ModelFixtures;
import dev.clipig.core.render.RenderResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderPromptTest {
    @TempDir
    Path temp;

    @Test
    void rendersThePromptWithTheMethodAndReportsTheSimilarity() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path output = temp.resolve("apple.png");

        RenderResult result = RenderPrompt.render(ModelFixtures.model("a.pt").toString(), "a red apple", 2, output,
                1, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).strip().lines().toList();
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).matches("epoch 1/1  sim -?\\d+\\.\\d\\d"), lines.get(0));
        assertTrue(lines.get(1).startsWith("wrote " + output + " in "), lines.get(1));
        assertEquals(output, result.image());
        assertTrue(Files.isRegularFile(output));
        assertEquals(1, result.lastStep().epochs());
    }
}
