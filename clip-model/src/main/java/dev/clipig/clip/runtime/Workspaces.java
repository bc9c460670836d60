package dev.clipig.clip.runtime;

import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Native memory for the passes. A ViT-B/32 pass over 10 images allocates about 1 GB of arrays,
 * most of them temporaries of one block; freeing them through the garbage collector let native
 * memory pile up. So a pass runs in a per-thread workspace that is reused from pass to pass, and
 * each transformer block in a nested one, reused from block to block, from which only the block's
 * output and its saved activations are copied out.
 *
 * <p>Callers may open their own reused workspace around passes (the generator runs each step in
 * one, see {@link #reused}): a pass's results then land in it instead of in garbage-collected memory.
 */
public final class Workspaces {
    private static final WorkspaceConfiguration REUSED = WorkspaceConfiguration.builder()
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.05)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();
    private static final String PASS = "clip-pass", BLOCK = "clip-block";

    private Workspaces() {
    }

    /**
     * Runs {@code body} in this thread's workspace of that name, whose memory is reused from call to
     * call: every array made inside is invalid once it returns, unless made {@link #outside} it.
     */
    public static <T> T reused(String name, Supplier<T> body) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(REUSED, name)) {
            return body.get();
        }
    }

    /** Runs {@code body} outside every workspace, for arrays that must outlive the current one. */
    public static <T> T outside(Supplier<T> body) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return body.get();
        }
    }

    /** Runs one block whose result is one array; see {@link #block(Supplier, BiFunction)}. */
    public static INDArray block(Supplier<INDArray> body) {
        return block(body, (out, move) -> move.apply(out));
    }

    /**
     * Runs one block with its temporaries in the block workspace; {@code moveOut} rebuilds the
     * block's result with each of its arrays passed through the given move to the enclosing
     * workspace. Outside any workspace it just runs the block.
     */
    public static <T> T block(Supplier<T> body, BiFunction<T, UnaryOperator<INDArray>, T> moveOut) {
        MemoryWorkspace outer = Nd4j.getMemoryManager().getCurrentWorkspace();
        if (outer == null) return body.get();
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(REUSED, BLOCK)) {
            return moveOut.apply(body.get(), a -> a.leverageTo(outer.getId()));
        }
    }

    /**
     * Runs a pass in this thread's pass workspace. Results must leave it through {@link #keep}: they
     * then belong to the caller, in the caller's workspace if one is open.
     */
    static <T> T pass(Supplier<T> body) {
        return reused(PASS, body);
    }

    /** The array moved from the current workspace to the enclosing one, or to ordinary memory if none. */
    static INDArray keep(INDArray array) {
        return array.leverage();
    }
}
