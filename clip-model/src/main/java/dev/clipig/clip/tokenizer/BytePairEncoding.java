package dev.clipig.clip.tokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * CLIP's byte-level BPE vocabulary: the 256 bytes, the 256 bytes ending a word ("&lt;/w&gt;"),
 * one symbol per merge in rank order, then the start and end tokens. A piece of text becomes
 * its UTF-8 bytes, the last marked as ending the word, and adjacent symbols are merged, the pair
 * of lowest rank first, every occurrence left to right, until no known pair remains.
 *
 * <p>Symbols are handled as vocabulary ids throughout: every merge joins two vocabulary symbols
 * into one, so no strings are built while encoding. Thread-safe; pieces seen before come from a
 * bounded cache.
 */
final class BytePairEncoding {
    static final int START_OF_TEXT = 49406;
    static final int END_OF_TEXT = 49407;
    static final String START_MARKER = "<|startoftext|>";
    static final String END_MARKER = "<|endoftext|>";

    private static final String RESOURCE = "bpe_simple_vocab_16e6.txt.gz";
    private static final int MERGES = START_OF_TEXT - 2 * 256;
    private static final int CACHE_LIMIT = 1 << 16;
    private static final int NONE = -1;

    /** Vocabulary id of each byte; its word-ending form is 256 further on. */
    private final int[] byteIds;
    private final MergeRanks ranks;
    /** The pair of each merge, (left id, right id) packed in a long, by rank. */
    private final long[] pairs;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    private BytePairEncoding(int[] byteIds, long[] pairs) {
        this.byteIds = byteIds;
        this.pairs = pairs;
        this.ranks = new MergeRanks(pairs);
    }

    static BytePairEncoding load() {
        try (InputStream raw = BytePairEncoding.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            reader.readLine(); // version header
            return fromMerges(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
    }

    private static BytePairEncoding fromMerges(BufferedReader merges) throws IOException {
        String byteSymbols = byteSymbols();
        int[] byteIds = new int[256];
        Map<String, Integer> ids = new HashMap<>();
        for (int id = 0; id < 256; id++) {
            char symbol = byteSymbols.charAt(id);
            byteIds[symbolByte(symbol)] = id;
            ids.put(String.valueOf(symbol), id);
            ids.put(symbol + "</w>", 256 + id);
        }
        long[] pairs = new long[MERGES];
        for (int rank = 0; rank < MERGES; rank++) {
            String line = merges.readLine();
            int space = line == null ? -1 : line.indexOf(' ');
            if (space < 0) {
                throw new IllegalStateException("merges resource ends or breaks at merge " + rank);
            }
            String left = line.substring(0, space);
            String right = line.substring(space + 1);
            Integer leftId = ids.get(left);
            Integer rightId = ids.get(right);
            if (leftId == null || rightId == null) {
                throw new IllegalStateException("merge " + rank + " joins an unknown symbol: " + line);
            }
            pairs[rank] = pair(leftId, rightId);
            ids.put(left + right, 512 + rank);
        }
        return new BytePairEncoding(byteIds, pairs);
    }

    /**
     * The printable character standing for each byte, in vocabulary order: the bytes that are
     * printable Latin-1 stand for themselves and come first, the rest take U+0100 onwards.
     */
    private static String byteSymbols() {
        StringBuilder printable = new StringBuilder();
        StringBuilder others = new StringBuilder();
        int shifted = 256;
        for (int b = 0; b < 256; b++) {
            if (isPrintableLatin1(b)) {
                printable.append((char) b);
            } else {
                others.append((char) shifted++);
            }
        }
        return printable.append(others).toString();
    }

    private static boolean isPrintableLatin1(int b) {
        return (b >= '!' && b <= '~') || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
    }

    /** Inverse of {@link #byteSymbols()} for one symbol. */
    private static int symbolByte(char symbol) {
        if (symbol < 256) {
            return symbol;
        }
        int index = symbol - 256;
        for (int b = 0; b < 256; b++) {
            if (!isPrintableLatin1(b) && index-- == 0) {
                return b;
            }
        }
        throw new IllegalArgumentException("not a byte symbol: " + (int) symbol);
    }

    private static long pair(int left, int right) {
        return ((long) left << 32) | right;
    }

    /** Vocabulary ids of one piece of cleaned text, as CLIP's regex splits it. */
    int[] encodePiece(String piece) {
        int[] cached = cache.get(piece);
        if (cached != null) {
            return cached;
        }
        int[] ids = merge(piece);
        if (cache.size() < CACHE_LIMIT) {
            cache.put(piece, ids);
        }
        return ids;
    }

    private int[] merge(String piece) {
        if (piece.equals(START_MARKER)) {
            return new int[] {START_OF_TEXT};
        }
        if (piece.equals(END_MARKER)) {
            return new int[] {END_OF_TEXT};
        }
        byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
        int[] word = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            word[i] = byteIds[bytes[i] & 0xff];
        }
        word[word.length - 1] += 256;
        int length = word.length;
        while (length > 1) {
            int best = lowestRank(word, length);
            if (best == NONE) {
                break;
            }
            length = mergeAll(word, length, best);
        }
        return Arrays.copyOf(word, length);
    }

    private int lowestRank(int[] word, int length) {
        int best = NONE;
        for (int i = 0; i + 1 < length; i++) {
            int rank = ranks.rank(pair(word[i], word[i + 1]));
            if (rank != NONE && (best == NONE || rank < best)) {
                best = rank;
            }
        }
        return best;
    }

    /** Joins every occurrence of the merge {@code rank}'s pair, left to right, in place. */
    private int mergeAll(int[] word, int length, int rank) {
        int merged = 512 + rank;
        long joined = pairs[rank];
        int out = 0;
        for (int i = 0; i < length; i++) {
            if (i + 1 < length && pair(word[i], word[i + 1]) == joined) {
                word[out++] = merged;
                i++;
            } else {
                word[out++] = word[i];
            }
        }
        return out;
    }
}
