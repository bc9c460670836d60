package dev.clipig.clip.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a forward pass keeps for its backward pass, in the manner of a reverse-mode autodiff tape:
 * each block pushes its activations in forward order and pops them in reverse order during the
 * backward pass. A tape belongs to one forward/backward pair, so the blocks themselves stay
 * stateless and may be shared between threads.
 */
public final class Tape {
    private final List<INDArray> saved;

    private Tape(List<INDArray> saved) {
        this.saved = saved;
    }

    /** A tape that records, for a forward pass that will be differentiated. */
    public static Tape recording() {
        return new Tape(new ArrayList<>());
    }

    /** A tape that keeps nothing, for inference. */
    public static Tape inference() {
        return new Tape(null);
    }

    void push(INDArray... arrays) {
        if (saved != null) saved.addAll(List.of(arrays));
    }

    INDArray pop() {
        if (saved == null || saved.isEmpty()) {
            throw new IllegalStateException("backward without a recorded forward pass");
        }
        return saved.remove(saved.size() - 1);
    }

    /** True once every saved activation has been consumed by a backward pass. */
    public boolean isEmpty() {
        return saved == null || saved.isEmpty();
    }

    /** A position to hand to {@link #replaceSince}. */
    int mark() {
        return saved == null ? 0 : saved.size();
    }

    /** Replaces each activation saved after {@code mark}, e.g. by its copy in another workspace. */
    void replaceSince(int mark, UnaryOperator<INDArray> f) {
        for (int i = mark; i < mark(); i++) saved.set(i, f.apply(saved.get(i)));
    }
}
