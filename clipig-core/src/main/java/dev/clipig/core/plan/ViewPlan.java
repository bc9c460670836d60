package dev.clipig.core.plan;

import dev.clipig.core.config.ConstraintSpec;
import dev.clipig.core.config.TargetSpec;
import dev.clipig.core.constraints.Constraint;
import dev.clipig.core.constraints.Loss;
import dev.clipig.core.transforms.Pass;
import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.Step;
import dev.clipig.core.transforms.StepContext;
import dev.clipig.core.transforms.Cutouts;
import dev.clipig.core.transforms.Transform;
import dev.clipig.core.transforms.TransformPipeline;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What one target shows CLIP at one image resolution: a batch of transformed views of the pixels at
 * the model's input size, normalized as CLIP expects, and the target's constraints on those views.
 */
public final class ViewPlan {
    /** OpenAI's normalization of CLIP's input, per RGB channel. */
    private static final double[] MEAN = {0.48145466, 0.4578275, 0.40821073};
    private static final double[] STD = {0.26862954, 0.26130258, 0.27577711};

    private final TransformPipeline pipeline;
    private final List<Bound> constraints;
    private final INDArray mean = channels(MEAN), std = channels(STD);

    private ViewPlan(TransformPipeline pipeline, List<Bound> constraints) {
        this.pipeline = pipeline;
        this.constraints = constraints;
    }

    /** @param atBuild the step at which the resolution changed, for size parameters */
    static ViewPlan of(TargetSpec spec, Size image, int modelResolution, Step atBuild) {
        List<Transform> transforms = spec.transforms().stream().map(t -> t.create(atBuild)).toList();
        // Each transform's output checked here, where a size no image can have is refused naming the transform.
        Size size = image;
        for (int i = 0; i < transforms.size(); i++) size = spec.transforms().get(i).outputSize(transforms.get(i), size);
        // As in the reference, a target without random transforms shows CLIP one view per step;
        // cutouts multiply the views of each image of the batch.
        int cutouts = transforms.stream().filter(t -> t instanceof Cutouts).mapToInt(t -> ((Cutouts) t).count())
                .reduce(1, Math::multiplyExact);
        int batch = transforms.stream().anyMatch(Transform::isRandom) ? spec.batchSize() * cutouts : 1;
        TransformPipeline pipeline = TransformPipeline.compile(transforms, image, Size.square(modelResolution), batch);
        List<Bound> constraints = spec.constraints().stream().map(c -> new Bound(c, c.create(atBuild))).toList();
        return new ViewPlan(pipeline, constraints);
    }

    /** A constraint with its config: weight and time window. */
    private record Bound(ConstraintSpec spec, Constraint constraint) {
    }

    /** The views [B, 3, R, R] of the pixels [3, H, W] in this step; draws the step's random parameters. */
    public Views views(INDArray pixels, StepContext step) {
        Pass pass = pipeline.forward(pixels.reshape(1, pixels.size(0), pixels.size(1), pixels.size(2)), step);
        return new Views(pass, pass.output().sub(mean).divi(std));
    }

    /** The pixel gradient of a step and the constraint loss in it (already scaled). */
    public record Backward(INDArray pixelGradient, double constraintLoss) {
    }

    /** One step's views, with the way back to the pixels through that step's random draws. */
    public final class Views {
        private final Pass pass;
        private final INDArray normalized;

        private Views(Pass pass, INDArray normalized) {
            this.pass = pass;
            this.normalized = normalized;
        }

        /** The views as CLIP takes them. */
        public INDArray normalized() {
            return normalized;
        }

        /**
         * d/d(pixels) of {@code ⟨views, viewGradient⟩ + scale · Σ constraint losses}: the chain rule
         * from the image encoder's input gradient back to the pixels, plus the constraints' own
         * gradient. As in the reference, constraints judge the transformed views CLIP saw, before
         * normalization.
         *
         * @param step the step, with the target's mean {@code similarity}, for the constraints
         */
        public Backward backward(INDArray viewGradient, StepContext step, double scale) {
            INDArray gradient = viewGradient.div(std);
            double loss = 0;
            for (Bound c : constraints) {
                if (!c.spec().window().contains(step.step().time())) continue;
                Loss l = c.constraint().loss(pass.output(), step).scaled(scale * c.spec().weight().value(step.step()));
                loss += l.value();
                gradient.addi(l.gradient());
            }
            INDArray pixelGradient = pass.backward(gradient);
            return new Backward(pixelGradient.reshape(pixelGradient.size(1), pixelGradient.size(2),
                    pixelGradient.size(3)), loss);
        }
    }

    private static INDArray channels(double[] values) {
        return Nd4j.createFromArray(values).castTo(DataType.FLOAT).reshape(1, 3, 1, 1);
    }
}
