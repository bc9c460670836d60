package dev.clipig.core.constraints;

import dev.clipig.core.transforms.Pass;
import dev.clipig.core.transforms.StepContext;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A statistic per image and channel, {@code [B, 3]}, with its way back to the images. */
@FunctionalInterface
interface Measure {

    Pass measure(INDArray images, StepContext ctx);
}
