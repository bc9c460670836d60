package dev.clipig.core.render;

import dev.clipig.core.config.PostprocSpec;
import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.Transform;
import dev.clipig.core.transforms.TransformPipeline;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The config's {@code postproc} stages: transforms applied to the pixels themselves between steps. */
final class PostProcessing {
    private PostProcessing() {
    }

    /** Replaces the pixels [3, H, W] by the stage's transforms of them, in place. */
    static void apply(PostprocSpec stage, INDArray pixels, Step step) {
        Size size = new Size((int) pixels.size(2), (int) pixels.size(1));
        List<Transform> transforms = stage.transforms().stream()
                .map(t -> ConfiguredTransforms.of(t, step.variables())).toList();
        INDArray image = pixels.reshape(1, pixels.size(0), pixels.size(1), pixels.size(2));
        INDArray result = TransformPipeline.compile(transforms, size, size, 1).forward(image, step.transformContext()).output();
        pixels.assign(result.reshape(pixels.shape()));
    }
}
