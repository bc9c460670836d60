package dev.clipig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.weights.WeightsException;
import org.junit.jupiter.api.Test;

class ClipigExceptionTest {
    @Test
    void escapesControlCharactersSoTheMessageStaysOneLine() {
        String message = new WeightsException("key 'a\nb\u001b[31m\tc\r': bad").getMessage();
        assertEquals("key 'a\\nb\\u001b[31m\\tc\\r': bad", message);
        assertEquals(1, message.lines().count());
    }

    @Test
    void cutsALongMessageInTheMiddleKeepingWhereAndWhat() {
        String message = new ClipigException("config.yaml: key " + "k".repeat(5_000_000) + ": unknown key").getMessage();
        assertEquals(ClipigException.MAX_LENGTH, message.length());
        assertTrue(message.startsWith("config.yaml: key kkk"), message);
        assertTrue(message.endsWith("kkk: unknown key"), message);
        assertTrue(message.contains(" … "), message);
    }

    @Test
    void leavesAShortPrintableMessageAsItIs() {
        assertEquals("m.pt: not a zip (größe 3 bytes)", new ClipigException("m.pt: not a zip (größe 3 bytes)").getMessage());
        assertEquals("null", new ClipigException(null).getMessage());
    }
}
