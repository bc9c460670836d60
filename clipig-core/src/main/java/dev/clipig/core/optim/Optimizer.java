package dev.clipig.core.optim;

import dev.clipig.core.config.OptimizerKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A first-order optimizer of one parameter array (the pixels), with PyTorch's update rules and
 * CLIPig's base learning rates, so that {@code learnrate: 1.0} means about the same for each.
 *
 * <p>Its state arrays have the parameters' shape, so when the image is resampled to another
 * resolution the state is resampled with it ({@link #mapState}).
 */
public abstract class Optimizer {
    private final Map<String, INDArray> state = new LinkedHashMap<>();
    private long steps;

    /** The optimizer CLIPig runs for {@code kind}. */
    public static Optimizer of(OptimizerKind kind) {
        return switch (kind) {
            case SGD -> new Sgd();
            case ADAM -> new Adam();
            case ADADELTA -> new Adadelta();
            case RMSPROP -> new RmsProp(0.005, true, 0.1);
            // The reference maps sparse_adam to a plain RMSprop.
            case SPARSE_ADAM -> new RmsProp(0.01, false, 0);
        };
    }

    /** The rate that {@code learnrate: 1.0} stands for. */
    public abstract double baseLearnrate();

    /** Updates {@code params} in place from {@code gradient} with learning rate {@code lr}. */
    public final void step(INDArray params, INDArray gradient, double lr) {
        steps++;
        update(params, gradient, lr, steps);
    }

    protected abstract void update(INDArray params, INDArray gradient, double lr, long step);

    /** A state array, zero-initialized like {@code params} on first use. */
    protected final INDArray state(String name, INDArray params) {
        return state.computeIfAbsent(name, n -> params.ulike().assign(0));
    }

    /** The state, for checkpoints: arrays by name (shared, not copied). */
    public final Map<String, INDArray> stateArrays() {
        return Map.copyOf(state);
    }

    public final long steps() {
        return steps;
    }

    /** Restores state from a checkpoint. */
    public final void restore(Map<String, INDArray> arrays, long stepCount) {
        state.clear();
        state.putAll(arrays);
        steps = stepCount;
    }

    /** Replaces every state array by {@code f} of it, e.g. a resampling to a new resolution. */
    public final void mapState(UnaryOperator<INDArray> f) {
        state.replaceAll((name, array) -> f.apply(array));
    }
}
