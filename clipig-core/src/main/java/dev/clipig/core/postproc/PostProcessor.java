package dev.clipig.core.postproc;

import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.StepContext;
import dev.clipig.core.transforms.Transform;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An effect of the reference's {@code postproc} list: a transform that keeps the resolution,
 * applied directly to the trained pixels between steps, without gradient. The pixels are not
 * clamped first, as the reference works on its raw pixel parameter here.
 */
public record PostProcessor(Transform transform) {

    /**
     * @param pixels the trained pixels {@code [1, 3, H, W]}; not modified
     * @return the processed pixels, to replace the trained ones
     * @throws IllegalArgumentException if the transform changes the resolution
     */
    public INDArray apply(INDArray pixels, StepContext ctx) {
        if (pixels.rank() != 4 || pixels.size(0) != 1 || pixels.size(1) != 3) {
            throw new IllegalArgumentException("expected pixels [1, 3, H, W], got " + Arrays.toString(pixels.shape()));
        }
        Size size = new Size((int) pixels.size(3), (int) pixels.size(2));
        Size out = transform.outputSize(size);
        if (!out.equals(size)) {
            throw new IllegalArgumentException(transform + " changes the resolution from " + size + " to " + out
                    + " and cannot be used for post-processing");
        }
        return transform.stage(size).forward(pixels, ctx).output();
    }
}
