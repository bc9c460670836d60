package dev.clipig.core.constraints;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A constraint's loss on a batch and its gradient with respect to the batch's images. */
public record Loss(double value, INDArray gradient) {

    public Loss scaled(double weight) {
        return new Loss(weight * value, gradient.mul(weight));
    }
}
