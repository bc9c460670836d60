package dev.clipig.clip.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Frozen parameters by OpenAI's state-dict name, e.g. {@code visual.ln_pre.weight}. The arrays are
 * handed over to the blocks that load them, which may fold constants into them in place, so a
 * model holds one copy of its weights.
 */
@FunctionalInterface
public interface Weights {

    /** The tensor of that name; throws if absent, naming it. */
    INDArray get(String name);

    default Linear linear(String prefix) {
        return new Linear(get(prefix + ".weight"), get(prefix + ".bias"));
    }

    default LayerNorm layerNorm(String prefix) {
        return new LayerNorm(get(prefix + ".weight"), get(prefix + ".bias"));
    }
}
