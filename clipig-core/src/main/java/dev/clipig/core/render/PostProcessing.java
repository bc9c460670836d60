package dev.clipig.core.render;

import dev.clipig.core.config.PostprocSpec;
import dev.clipig.core.config.TransformSpec;
import dev.clipig.core.postproc.PostProcessor;
import dev.clipig.core.transforms.StepContext;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The config's {@code postproc} stages: transforms applied to the pixels themselves between steps. */
final class PostProcessing {
    private PostProcessing() {
    }

    /** Replaces the pixels [3, H, W] by the stage's transforms of them, in place. */
    static void apply(PostprocSpec stage, INDArray pixels, StepContext step) {
        INDArray image = pixels.reshape(1, pixels.size(0), pixels.size(1), pixels.size(2));
        for (TransformSpec spec : stage.transforms()) {
            PostProcessor processor = new PostProcessor(spec.create(step.step()));
            image = processor.apply(image, step);
        }
        pixels.assign(image.reshape(pixels.shape()));
    }
}
