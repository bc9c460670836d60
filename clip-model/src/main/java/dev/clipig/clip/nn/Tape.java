package dev.clipig.clip.nn;

import java.util.ArrayDeque;
import java.util.Deque;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a forward pass keeps for its backward pass, in the manner of a reverse-mode autodiff tape:
 * each block pushes its activations in forward order and pops them in reverse order during the
 * backward pass. A tape belongs to one forward/backward pair, so the blocks themselves stay
 * stateless and may be shared between threads.
 */
public final class Tape {
    private final Deque<INDArray> saved;

    private Tape(Deque<INDArray> saved) {
        this.saved = saved;
    }

    /** A tape that records, for a forward pass that will be differentiated. */
    public static Tape recording() {
        return new Tape(new ArrayDeque<>());
    }

    /** A tape that keeps nothing, for inference. */
    public static Tape inference() {
        return new Tape(null);
    }

    public boolean isRecording() {
        return saved != null;
    }

    void push(INDArray... arrays) {
        if (saved != null) {
            for (INDArray a : arrays) saved.push(a);
        }
    }

    INDArray pop() {
        if (saved == null || saved.isEmpty()) {
            throw new IllegalStateException("backward without a recorded forward pass");
        }
        return saved.pop();
    }

    /** True once every saved activation has been consumed by a backward pass. */
    public boolean isEmpty() {
        return saved == null || saved.isEmpty();
    }
}
