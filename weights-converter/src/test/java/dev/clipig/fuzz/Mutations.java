package dev.clipig.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded source of damaged copies of real inputs: bytes overwritten, flipped, cut, dropped,
 * inserted or repeated, with boundary integers (0, -1, 2^31, 2^32, ...) written where sizes and
 * offsets live; and text edits for the formats that are text (YAML, JSON headers, npy headers).
 */
public final class Mutations {
    private static final long[] BOUNDARY = {0, 1, -1, 0x7f, 0x80, 0xff, 0x7fff, 0xffff, 0x7fffffff,
            0x80000000L, 0xffffffffL, 1L << 32, Long.MAX_VALUE, Long.MIN_VALUE, 100000, 2000000000};
    private static final String[] NUMBERS = {"0", "-1", "-2147483648", "2147483647", "2147483648", "4294967296",
            "100000", "2000000000", "99999999999999999999", "1e400", "-1e400", "nan", ".inf", "1.5", "0x10", "abc",
            ""};
    private static final String[] JUNK = {"\n", "\t", "\u001b[31m", "\u0000", "'", "\"", "{", "[", "]", "}", ":",
            ",", "- ", "&a ", "*a", "!!int ", "!!bool ", "!!str ", "!!python/object ", "%", "#", "\\", "\u2028",
            "\uffff", "é"};

    private final Random random;

    public Mutations(long seed) {
        random = new Random(seed);
    }

    public int below(int bound) {
        return random.nextInt(bound);
    }

    public <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    public String pickNumber() {
        return NUMBERS[random.nextInt(NUMBERS.length)];
    }

    /**
     * One to three byte-level changes; three in four land within 48 bytes after one of
     * {@code hotSpots} (headers, where a change reaches the parser rather than the payload).
     */
    public byte[] bytes(byte[] original, int[] hotSpots) {
        byte[] data = original;
        for (int n = 1 + random.nextInt(3); n > 0 && data.length > 0; n--) {
            int at = hotSpots.length > 0 && random.nextInt(4) > 0
                    ? Math.min(data.length - 1, hotSpots[random.nextInt(hotSpots.length)] + random.nextInt(48))
                    : random.nextInt(data.length);
            data = mutateAt(data, at);
        }
        return data;
    }

    private byte[] mutateAt(byte[] original, int at) {
        byte[] data = original.clone();
        long boundary = BOUNDARY[random.nextInt(BOUNDARY.length)];
        switch (random.nextInt(8)) {
            case 0 -> data[at] = (byte) random.nextInt(256);
            case 1 -> data[at] ^= (byte) (1 << random.nextInt(8));
            case 2 -> put(data, at, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) boundary));
            case 3 -> put(data, at, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(boundary));
            case 4 -> data = Arrays.copyOf(data, at);
            case 5 -> data = splice(data, at, Math.min(data.length - at, 1 + random.nextInt(16)), new byte[0]);
            case 6 -> {
                byte[] inserted = new byte[1 + random.nextInt(16)];
                random.nextBytes(inserted);
                data = splice(data, at, 0, inserted);
            }
            default -> {
                int from = random.nextInt(data.length);
                int length = Math.min(data.length - from, 1 + random.nextInt(64));
                data = splice(data, at, 0, Arrays.copyOfRange(data, from, from + length));
            }
        }
        return data;
    }

    private static void put(byte[] data, int at, ByteBuffer value) {
        byte[] bytes = value.array();
        System.arraycopy(bytes, 0, data, at, Math.min(bytes.length, data.length - at));
    }

    private static byte[] splice(byte[] data, int at, int removed, byte[] inserted) {
        byte[] out = new byte[data.length - removed + inserted.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(data, at + removed, out, at + inserted.length, data.length - at - removed);
        return out;
    }

    /**
     * One to three text edits: a number swapped for a boundary or a non-number, junk (quotes,
     * brackets, YAML tags and anchors, control characters) inserted, a span deleted, repeated or
     * deeply nested, or one of {@code tokens} (words of the format) dropped in.
     */
    public String text(String original, List<String> tokens) {
        String text = original;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
            text = switch (random.nextInt(7)) {
                case 0 -> replaceNumber(text);
                case 1 -> text.substring(0, at) + JUNK[random.nextInt(JUNK.length)] + text.substring(at);
                case 2 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(12)));
                case 3 -> {
                    int end = Math.min(text.length(), at + 1 + random.nextInt(80));
                    yield text.substring(0, end) + text.substring(at, end).repeat(1 + random.nextInt(4))
                            + text.substring(end);
                }
                case 4 -> text.substring(0, at) + "[".repeat(1 + random.nextInt(6000)) + text.substring(at);
                case 5 -> tokens.isEmpty() ? text : text.substring(0, at) + pick(tokens) + text.substring(at);
                default -> text.substring(0, at) + pickNumber() + text.substring(at);
            };
        }
        return text;
    }

    private String replaceNumber(String text) {
        int digit = -1;
        for (int tries = 0; tries < 8 && digit < 0 && !text.isEmpty(); tries++) {
            int at = random.nextInt(text.length());
            if (Character.isDigit(text.charAt(at))) {
                digit = at;
            }
        }
        if (digit < 0) {
            return text;
        }
        int start = digit, end = digit;
        while (start > 0 && Character.isDigit(text.charAt(start - 1))) start--;
        while (end < text.length() && Character.isDigit(text.charAt(end))) end++;
        return text.substring(0, start) + pickNumber() + text.substring(end);
    }
}
