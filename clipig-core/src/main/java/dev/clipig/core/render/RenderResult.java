package dev.clipig.core.render;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A finished run.
 *
 * @param image    the PNG written
 * @param pixels   the final image, [3, H, W] in [0, 1]
 * @param lastStep the report of the last step run (null if the run had nothing left to do)
 * @param seconds  wall-clock seconds of the run
 */
public record RenderResult(java.nio.file.Path image, INDArray pixels, StepReport lastStep, double seconds) {
}
