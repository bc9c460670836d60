package dev.clipig.core.constraints;

import dev.clipig.core.transforms.StepContext;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An extra loss of the reference's {@code targets.constraints}: computed on each image of the
 * transformed batch and summed, as the reference adds one loss per image. The caller applies the
 * constraint's {@code weight}, {@code start} and {@code end}.
 */
public interface Constraint {

    /** @param images the batch {@code [B, 3, H, W]} that CLIP sees; not modified */
    Loss loss(INDArray images, StepContext ctx);
}
