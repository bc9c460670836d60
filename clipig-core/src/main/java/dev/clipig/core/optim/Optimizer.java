package dev.clipig.core.optim;

import dev.clipig.clip.runtime.Workspaces;
import dev.clipig.core.config.OptimizerKind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A first-order optimizer of one parameter array (the pixels) with torch's update rules and the
 * reference's base learning rates: the rate of a step is {@code baseLearnrate() · learnrate ·
 * learnrate_scale}, so that {@code learnrate: 1.0} means about the same for every optimizer.
 *
 * <p>Its state arrays have the parameters' shape. When the image is resampled to another
 * resolution the state is resampled with it ({@link #mapState}). Not thread-safe: one optimizer
 * belongs to one run.
 */
public abstract class Optimizer {

    private final Map<String, INDArray> state = new LinkedHashMap<>();
    private long steps;

    /** The optimizer and base rate the reference uses for {@code kind}. */
    public static Optimizer of(OptimizerKind kind) {
        return switch (kind) {
            case SGD -> new Sgd();
            case ADAM -> new Adam();
            case ADADELTA -> new Adadelta();
            case RMSPROP -> new RmsProp(0.003, true, 0.1);
            // The reference's sparse_adam is in fact a plain RMSprop.
            case SPARSE_ADAM -> new RmsProp(0.01, false, 0);
        };
    }

    /** The rate that {@code learnrate: 1.0} stands for. */
    public abstract double baseLearnrate();

    /** Updates {@code params} in place from {@code gradient} with the effective rate {@code lr}. */
    public final void step(INDArray params, INDArray gradient, double lr) {
        if (!Arrays.equals(params.shape(), gradient.shape())) {
            throw new IllegalArgumentException("gradient " + Arrays.toString(gradient.shape())
                    + " does not match the parameters " + Arrays.toString(params.shape()));
        }
        steps++;
        update(params, gradient, lr, steps);
    }

    /** One update; {@code step} counts from 1. */
    protected abstract void update(INDArray params, INDArray gradient, double lr, long step);

    /** Restores invariants that resampling may break, such as non-negative second moments. */
    protected void repair() {
    }

    /**
     * A state array, zero-initialized like {@code params} on first use; made outside any workspace,
     * since it outlives the step that first asks for it.
     */
    protected final INDArray state(String name, INDArray params) {
        INDArray array = state.computeIfAbsent(name, n -> Workspaces.outside(() -> params.ulike().assign(0)));
        if (!Arrays.equals(array.shape(), params.shape())) {
            throw new IllegalStateException("optimizer state " + name + " has shape " + Arrays.toString(array.shape())
                    + " but the parameters " + Arrays.toString(params.shape()) + ": resample it with mapState");
        }
        return array;
    }

    /** A state array if present, for {@link #repair}. */
    protected final INDArray existing(String name) {
        return state.get(name);
    }

    /** The state, for checkpoints: arrays by name (shared, not copied). */
    public final Map<String, INDArray> stateArrays() {
        return Map.copyOf(state);
    }

    public final long steps() {
        return steps;
    }

    /** Continues from a checkpoint's state arrays and step count. */
    public final void restore(Map<String, INDArray> arrays, long stepCount) {
        if (stepCount < 0) throw new IllegalArgumentException("negative step count " + stepCount);
        state.clear();
        state.putAll(arrays);
        steps = stepCount;
    }

    /**
     * Replaces every state array by {@code f} of it: the resize the pixels go through when the
     * resolution changes, so the state follows the pixels.
     */
    public final void mapState(UnaryOperator<INDArray> f) {
        state.replaceAll((name, array) -> f.apply(array));
        repair();
    }
}
