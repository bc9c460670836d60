package dev.clipig.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clipig.cli.ModelFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZeroShotTest {
    @Test
    void printsEachLabelsProbabilityInTheOrderGiven() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> labels = List.of("a diagram", "a dog", "a cat");

        ZeroShot.classify(ModelFixtures.model("a.pt").toString(), ModelFixtures.image("CLIP.png"), labels,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).strip().lines().toList();
        assertEquals(labels, lines.stream().map(line -> line.substring(line.indexOf("  ") + 2)).toList());
        double sum = lines.stream().mapToDouble(line -> Double.parseDouble(line.substring(0, line.indexOf(' ')))).sum();
        assertEquals(1, sum, 5e-4 * labels.size());
    }
}
