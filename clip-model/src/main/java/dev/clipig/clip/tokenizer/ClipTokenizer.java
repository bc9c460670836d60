package dev.clipig.clip.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI CLIP's text tokenizer, giving the ids of their {@code clip.tokenize}: the text is
 * cleaned (see {@link TextFixer} for the part of ftfy covered), split by CLIP's regex into
 * words, numbers' digits and runs of other symbols, and each piece byte-pair encoded with the
 * bundled merges ({@code bpe_simple_vocab_16e6.txt.gz}, OpenAI, MIT licence, beside it).
 *
 * <p>Immutable and thread-safe; {@link #standard()} loads the vocabulary once per JVM.
 * Letters and digits are classified by the JVM's Unicode tables (Unicode 13 on Java 17), so
 * only characters assigned in later Unicode versions can split differently from Python.
 */
public final class ClipTokenizer {
    public static final int START_OF_TEXT = BytePairEncoding.START_OF_TEXT;
    public static final int END_OF_TEXT = BytePairEncoding.END_OF_TEXT;
    public static final int CONTEXT_LENGTH = 77;

    /**
     * CLIP's pattern, case-insensitive as theirs ('ſ matches 's), as Python's {@code regex} module
     * runs it: its {@code \s} is Unicode's White_Space, and its case-insensitive negated class
     * also refuses U+0345, whose upper case is a letter, so that character joins no piece.
     */
    private static final Pattern PIECES = Pattern.compile(
            "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|\\p{L}+|\\p{N}"
                    + "|[^\\p{IsWhite_Space}\\p{L}\\p{N}\\u0345]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final TextCleaner cleaner;
    private final BytePairEncoding bpe;

    private ClipTokenizer(TextCleaner cleaner, BytePairEncoding bpe) {
        this.cleaner = cleaner;
        this.bpe = bpe;
    }

    /** The tokenizer with CLIP's bundled vocabulary, loaded on first use. */
    public static ClipTokenizer standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final ClipTokenizer INSTANCE =
                new ClipTokenizer(new TextCleaner(HtmlEntities.load()), BytePairEncoding.load());
    }

    /** BPE ids of {@code text}, without start and end tokens. */
    public int[] encode(String text) {
        Objects.requireNonNull(text, "text");
        Matcher pieces = PIECES.matcher(cleaner.clean(text));
        int[] ids = new int[16];
        int count = 0;
        while (pieces.find()) {
            int[] pieceIds = bpe.encodePiece(pieces.group());
            if (count + pieceIds.length > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(2 * ids.length, count + pieceIds.length));
            }
            System.arraycopy(pieceIds, 0, ids, count, pieceIds.length);
            count += pieceIds.length;
        }
        return Arrays.copyOf(ids, count);
    }

    /**
     * Start token, BPE ids, end token, without padding; at most {@code contextLength} ids.
     *
     * @throws TextTooLongException when they do not fit and {@code overflow} is REJECT
     */
    public int[] tokens(String text, int contextLength, Overflow overflow) {
        checkContextLength(contextLength);
        Objects.requireNonNull(overflow, "overflow");
        int[] ids = encode(text);
        int length = ids.length + 2;
        if (length > contextLength) {
            if (overflow == Overflow.REJECT) {
                throw new TextTooLongException(text, length, contextLength);
            }
            length = contextLength;
        }
        int[] tokens = new int[length];
        tokens[0] = START_OF_TEXT;
        System.arraycopy(ids, 0, tokens, 1, length - 2);
        tokens[length - 1] = END_OF_TEXT;
        return tokens;
    }

    /** {@link #tokenize(List, int, Overflow)} with CLIP's context of 77, rejecting longer texts. */
    public int[][] tokenize(List<String> texts) {
        return tokenize(texts, CONTEXT_LENGTH, Overflow.REJECT);
    }

    /** {@link #tokenize(List, int, Overflow)} rejecting texts longer than the context. */
    public int[][] tokenize(List<String> texts, int contextLength) {
        return tokenize(texts, contextLength, Overflow.REJECT);
    }

    /** One row of {@code contextLength} ids per text: {@link #tokens}, then zeros. */
    public int[][] tokenize(List<String> texts, int contextLength, Overflow overflow) {
        Objects.requireNonNull(texts, "texts");
        List<int[]> rows = new ArrayList<>(texts.size());
        for (String text : texts) {
            rows.add(Arrays.copyOf(tokens(text, contextLength, overflow), contextLength));
        }
        return rows.toArray(int[][]::new);
    }

    private static void checkContextLength(int contextLength) {
        if (contextLength < 2) {
            throw new IllegalArgumentException(
                    "context length " + contextLength + " leaves no room for the start and end tokens");
        }
    }
}
