package dev.clipig.core.render;

import dev.clipig.core.config.ConstraintSpec;
import dev.clipig.core.config.TargetSpec;
import dev.clipig.core.constraints.Constraint;
import dev.clipig.core.constraints.Loss;
import dev.clipig.core.transforms.Pass;
import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.Step;
import dev.clipig.core.transforms.StepContext;
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

    /** @param atBuild the step that needs it, for size parameters */
    static ViewPipeline of(TargetSpec spec, Size image, int modelResolution, Step atBuild) {
        List<Transform> transforms = spec.transforms().stream().map(t -> t.create(atBuild)).toList();
        // As in the reference, a target without random transforms shows CLIP one view per step.
        int batch = transforms.stream().anyMatch(Transform::isRandom) ? spec.batchSize() : 1;
        TransformPipeline pipeline = TransformPipeline.compile(transforms, image, Size.square(modelResolution), batch);
        List<Bound> constraints = spec.constraints().stream()
                .map(c -> new Bound(c, c.create(atBuild))).toList();
        return new Views(pipeline, constraints);
    }

    /** A constraint with its config: weight and time window. */
    private record Bound(ConstraintSpec spec, Constraint constraint) {
    }

    private static final class Views implements ViewPipeline {
        private final TransformPipeline pipeline;
        private final List<Bound> constraints;
        private final INDArray mean = channels(MEAN), std = channels(STD);
        private Pass pass;

        Views(TransformPipeline pipeline, List<Bound> constraints) {
            this.pipeline = pipeline;
            this.constraints = constraints;
        }

        @Override
        public INDArray views(INDArray pixels, StepContext step) {
            pass = pipeline.forward(pixels.reshape(1, pixels.size(0), pixels.size(1), pixels.size(2)), step);
            return pass.output().sub(mean).divi(std);
        }

        /** As in the reference, constraints judge the transformed views CLIP saw, before normalization. */
        @Override
        public Backward backward(INDArray viewGradient, StepContext step, double scale) {
            INDArray gradient = viewGradient.div(std);
            double loss = 0;
            for (Bound c : constraints) {
                if (!c.spec().window().contains(step.step().time())) continue;
                Loss l = c.constraint().loss(pass.output(), step)
                        .scaled(scale * c.spec().weight().value(step.step()));
                loss += l.value();
                gradient.addi(l.gradient());
            }
            INDArray pixelGradient = pass.backward(gradient);
            return new Backward(pixelGradient.reshape(pixelGradient.size(1), pixelGradient.size(2),
                    pixelGradient.size(3)), loss);
        }

        private static INDArray channels(double[] values) {
            return Nd4j.createFromArray(values).castTo(DataType.FLOAT).reshape(1, 3, 1, 1);
        }
    }
}
