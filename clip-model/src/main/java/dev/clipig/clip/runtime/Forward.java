package dev.clipig.clip.runtime;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A forward pass's output and what its backward pass needs.
 *
 * @param saved the activations kept for the backward, of the pass's own type
 */
public record Forward<S>(INDArray output, S saved) {
}
