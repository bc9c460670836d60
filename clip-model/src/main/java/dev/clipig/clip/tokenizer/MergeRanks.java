package dev.clipig.clip.tokenizer;

import java.util.Arrays;

/**
 * The rank of each merge, looked up by its pair of symbol ids. An open-addressing table with a
 * mixing hash: the pairs are small integers, whose {@code Long} hash codes collide in droves.
 */
final class MergeRanks {
    private static final long EMPTY = -1;

    private final long[] keys;
    private final int[] ranks;
    private final int mask;
    private final int shift;

    /** {@code pairs[rank]} is the packed pair of the merge of that rank; pairs are distinct. */
    MergeRanks(long[] pairs) {
        int capacity = Integer.highestOneBit(Math.max(2, pairs.length) * 4);
        this.keys = new long[capacity];
        this.ranks = new int[capacity];
        this.mask = capacity - 1;
        this.shift = Long.numberOfLeadingZeros(mask);
        Arrays.fill(keys, EMPTY);
        for (int rank = 0; rank < pairs.length; rank++) {
            int slot = slot(pairs[rank]);
            while (keys[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = pairs[rank];
            ranks[slot] = rank;
        }
    }

    /** The rank of the merge joining {@code pair}, or -1 where there is none. */
    int rank(long pair) {
        for (int slot = slot(pair); keys[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (keys[slot] == pair) {
                return ranks[slot];
            }
        }
        return -1;
    }

    private int slot(long pair) {
        return (int) ((pair * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
