package dev.clipig.clip.runtime;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A pass's output and the gradient of a loss with respect to its input.
 *
 * @param output        the forward pass's output
 * @param inputGradient d(loss)/d(input), the input's shape
 */
public record VectorJacobianProduct(INDArray output, INDArray inputGradient) {
}
