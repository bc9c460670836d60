package dev.clipig.core.transforms;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One differentiable step of a transform pipeline, prepared for one input size. Its per-step
 * values (random draws, time-varying parameters) are taken from the context at each forward pass.
 */
@FunctionalInterface
public interface Stage {

    /** @param images a batch {@code [B, 3, H, W]}; never modified */
    Pass forward(INDArray images, StepContext ctx);
}
