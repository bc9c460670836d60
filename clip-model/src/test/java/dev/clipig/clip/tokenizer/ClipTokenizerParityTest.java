package dev.clipig.clip.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/** Ids equal to the Python reference of OpenAI's tokenizer (fixtures/tokenizer/make_cases.py). */
class ClipTokenizerParityTest {
    private record Case(String text, int[] ids, int[] row) {
    }

    private static List<Case> cases() throws IOException {
        Path file = Path.of(System.getProperty("clipig.fixtures", "../fixtures"), "tokenizer", "cases.jsonl");
        ObjectMapper json = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode node = json.readTree(line);
            cases.add(new Case(node.get("text").asText(), ints(node.get("ids")), ints(node.get("row"))));
        }
        return cases;
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    @Test
    void encodesEveryCaseAsTheReference() throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 300, "only " + cases.size() + " cases");
        ClipTokenizer tokenizer = ClipTokenizer.standard();
        for (Case c : cases) {
            assertArrayEquals(c.ids(), tokenizer.encode(c.text()), () -> "ids of " + quoted(c.text()));
        }
    }

    @Test
    void tokenizesEveryCaseAsTheReferenceWithTruncation() throws IOException {
        List<Case> cases = cases();
        List<String> texts = cases.stream().map(Case::text).toList();
        int[][] rows = ClipTokenizer.standard().tokenize(texts, ClipTokenizer.CONTEXT_LENGTH, Overflow.TRUNCATE);
        for (int i = 0; i < rows.length; i++) {
            String text = texts.get(i);
            assertArrayEquals(cases.get(i).row(), rows[i], () -> "row of " + quoted(text));
        }
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u{%x}", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }
}
