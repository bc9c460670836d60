package dev.clipig.clip.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClipTokenizerTest {
    private static final ClipTokenizer TOKENIZER = ClipTokenizer.standard();
    private static final String LONG = "a very long caption that keeps going ".repeat(12);

    @Test
    void padsRowsWithZerosAfterTheEndToken() {
        int[][] rows = TOKENIZER.tokenize(List.of("a diagram", "a dog"));
        assertEquals(2, rows.length);
        int[] expected = new int[ClipTokenizer.CONTEXT_LENGTH];
        System.arraycopy(new int[] {49406, 320, 22697, 49407}, 0, expected, 0, 4);
        assertArrayEquals(expected, rows[0]);
        assertArrayEquals(new int[] {49406, 320, 1929, 49407}, TOKENIZER.tokens("a dog", 77, Overflow.REJECT));
    }

    @Test
    void rejectsTooLongTextNamingIt() {
        TextTooLongException e = assertThrows(TextTooLongException.class,
                () -> TOKENIZER.tokenize(List.of("short", LONG)));
        assertTrue(e.getMessage().startsWith("text \"a very long caption that keeps going a v…\" needs 86 tokens, "),
                e.getMessage());
        assertTrue(e.getMessage().contains("context length 77"), e.getMessage());
    }

    @Test
    void truncationKeepsTheEndTokenLast() {
        int[] ids = TOKENIZER.encode(LONG);
        int[] tokens = TOKENIZER.tokens(LONG, 10, Overflow.TRUNCATE);
        assertEquals(10, tokens.length);
        assertEquals(ClipTokenizer.START_OF_TEXT, tokens[0]);
        assertArrayEquals(java.util.Arrays.copyOf(ids, 8), java.util.Arrays.copyOfRange(tokens, 1, 9));
        assertEquals(ClipTokenizer.END_OF_TEXT, tokens[9]);
    }

    @Test
    void textThatExactlyFillsTheContextIsKept() {
        int[] ids = TOKENIZER.encode("a photo of a cat");
        int[] tokens = TOKENIZER.tokens("a photo of a cat", ids.length + 2, Overflow.REJECT);
        assertEquals(ClipTokenizer.END_OF_TEXT, tokens[tokens.length - 1]);
        assertThrows(TextTooLongException.class, () -> TOKENIZER.tokens("a photo of a cat", ids.length + 1, Overflow.REJECT));
    }

    @Test
    void rejectsAContextWithoutRoomForStartAndEnd() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TOKENIZER.tokenize(List.of("x"), 1));
        assertTrue(e.getMessage().contains("context length 1"), e.getMessage());
    }

    @Test
    void givesTheSameIdsFromManyThreads() {
        List<String> texts = IntStream.range(0, 400).mapToObj(i -> "caption number " + i + " of " + (i % 7) + " cats").toList();
        int[][] sequential = texts.stream().map(TOKENIZER::encode).toArray(int[][]::new);
        int[][] parallel = texts.parallelStream().map(TOKENIZER::encode).toArray(int[][]::new);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(sequential[i], parallel[i], texts.get(i));
        }
    }
}
