package dev.clipig.core.render;

import dev.clipig.core.config.TargetSpec;
import dev.clipig.core.expr.MapVariables;
import dev.clipig.core.transforms.Pass;
import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.Transform;
import dev.clipig.core.transforms.TransformPipeline;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A target's transforms, CLIP's input normalization and its constraints, as a {@link ViewPipeline}. */
final class ViewPipelines {
    /** OpenAI's normalization of CLIP's input, per RGB channel. */
    private static final double[] MEAN = {0.48145466, 0.4578275, 0.40821073};
    private static final double[] STD = {0.26862954, 0.26130258, 0.27577711};

    private ViewPipelines() {
    }

    /**
     * @param atBuild the variables of the step that needs it, for size parameters
     */
    static ViewPipeline of(TargetSpec spec, Size image, int modelResolution, MapVariables atBuild) {
        List<Transform> transforms = spec.transforms().stream().map(t -> ConfiguredTransforms.of(t, atBuild)).toList();
        // As in the reference, a target without random transforms shows CLIP one view per step.
        int batch = transforms.stream().anyMatch(Transform::isRandom) ? spec.batchSize() : 1;
        TransformPipeline pipeline = TransformPipeline.compile(transforms, image, Size.square(modelResolution), batch);
        return new Views(pipeline);
    }

    private static final class Views implements ViewPipeline {
        private final TransformPipeline pipeline;
        private final INDArray mean = channels(MEAN), std = channels(STD);
        private Pass pass;

        Views(TransformPipeline pipeline) {
            this.pipeline = pipeline;
        }

        @Override
        public INDArray views(INDArray pixels, Step step) {
            pass = pipeline.forward(pixels.reshape(1, pixels.size(0), pixels.size(1), pixels.size(2)),
                    step.transformContext());
            return pass.output().sub(mean).divi(std);
        }

        @Override
        public Backward backward(INDArray viewGradient, MapVariables variables, double scale) {
            INDArray pixelGradient = pass.backward(viewGradient.div(std));
            return new Backward(pixelGradient.reshape(pixelGradient.size(1), pixelGradient.size(2),
                    pixelGradient.size(3)), 0);
        }

        private static INDArray channels(double[] values) {
            return Nd4j.createFromArray(values).castTo(DataType.FLOAT).reshape(1, 3, 1, 1);
        }
    }
}
