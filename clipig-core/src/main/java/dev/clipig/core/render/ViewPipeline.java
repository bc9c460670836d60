package dev.clipig.core.render;

import dev.clipig.core.transforms.StepContext;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one target shows CLIP: a batch of transformed views of the pixels at the model's input
 * size, normalized as CLIP expects, and the target's constraints on those views. Built for one
 * image resolution; random parameters are drawn per step and reused by that step's backward.
 */
interface ViewPipeline {

    /** Views [B, 3, R, R] of the pixels [3, H, W] for this step; draws the step's random parameters. */
    INDArray views(INDArray pixels, StepContext step);

    /** The pixel gradient of a step and the constraint loss in it (already scaled). */
    record Backward(INDArray pixelGradient, double constraintLoss) {
    }

    /**
     * d/d(pixels) of {@code ⟨views, viewGradient⟩ + scale · Σ constraint losses}, with the random
     * parameters of the last {@link #views}: the chain rule from the image encoder's input
     * gradient back to the pixels, plus the constraints' own gradient.
     *
     * @param step the step, with the target's mean {@code similarity}, for the constraints
     */
    Backward backward(INDArray viewGradient, StepContext step, double scale);
}
