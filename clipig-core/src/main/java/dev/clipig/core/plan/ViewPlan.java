package dev.clipig.core.plan;

import dev.clipig.core.config.ConstraintSpec;
import dev.clipig.core.config.TargetSpec;
import dev.clipig.core.config.TransformSpec;
import dev.clipig.core.constraints.Constraint;
import dev.clipig.core.constraints.Loss;
import dev.clipig.core.transforms.Interpolation;
import dev.clipig.core.transforms.Pass;
import dev.clipig.core.transforms.Resampling;
import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.Step;
import dev.clipig.core.transforms.StepContext;
import dev.clipig.core.transforms.Cutouts;
import dev.clipig.core.transforms.Transform;
import dev.clipig.core.transforms.TransformPipeline;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

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

    private final boolean constraintsReadSimilarity;

    private ViewPlan(TransformPipeline pipeline, List<Bound> constraints) {
        this.pipeline = pipeline;
        this.constraints = constraints;
        this.constraintsReadSimilarity = constraints.stream().map(Bound::spec).anyMatch(ViewPlan::readsSimilarity);
    }

    private static boolean readsSimilarity(ConstraintSpec spec) {
        return Stream.concat(Stream.of(spec.weight()), spec.params().values().stream())
                .anyMatch(p -> p.variables().contains("similarity"));
    }

    /** @param atBuild the step at which the resolution changed, for size parameters */
    static ViewPlan of(TargetSpec spec, Size image, int modelResolution, Step atBuild) {
        List<Transform> transforms = spec.transforms().stream().map(t -> t.create(atBuild)).toList();
        // Each transform's output checked here, where a size no image can have is refused naming the transform.
        Size size = image;
        for (int i = 0; i < transforms.size(); i++) size = spec.transforms().get(i).outputSize(transforms.get(i), size);
        // As in the reference, a target without a transform it counts as random shows CLIP one view
        // per step; cutouts multiply the views of each image of the batch.
        int cutouts = transforms.stream().filter(t -> t instanceof Cutouts).mapToInt(t -> ((Cutouts) t).count())
                .reduce(1, Math::multiplyExact);
        int batch = spec.transforms().stream().anyMatch(TransformSpec::isRandom) ? spec.batchSize() * cutouts : 1;
        TransformPipeline pipeline = TransformPipeline.compile(transforms, image, Size.square(modelResolution), batch);
        List<Bound> constraints = spec.constraints().stream().map(c -> new Bound(c, c.create(atBuild))).toList();
        return new ViewPlan(pipeline, constraints);
    }

    /**
     * The whole image [3, H, W] as CLIP takes it, [1, 3, R, R]: clamped to [0, 1], resized
     * bicubically to the model's resolution if it differs, normalized.
     */
    static INDArray wholeImage(INDArray pixels, int modelResolution) {
        INDArray batch = Transforms.min(Transforms.max(pixels, 0.0, true), 1.0, false)
                .reshape(1, pixels.size(0), pixels.size(1), pixels.size(2));
        INDArray sized = Resampling.resize(batch, Size.square(modelResolution), Interpolation.CUBIC);
        return sized.subi(channels(MEAN)).divi(channels(STD));
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
         * d/d(pixels) of {@code ⟨views, viewGradient⟩ + Σ_i weight_i · Σ constraint losses of view i}:
         * the chain rule from the image encoder's input gradient back to the pixels, plus the
         * constraints' own gradient. As in the reference, constraints judge each transformed view
         * CLIP saw, before normalization, with that view's similarity and target weight.
         *
         * @param viewGradient already weighted per view
         * @param similarity   per view, the {@code similarity} the constraints' expressions read
         * @param weight       per view, the target's weight
         */
        public Backward backward(INDArray viewGradient, StepContext step, double[] similarity, double[] weight) {
            INDArray gradient = viewGradient.div(std);
            INDArray views = pass.output();
            boolean alike = Arrays.stream(weight).allMatch(w -> w == weight[0])
                    && (!constraintsReadSimilarity || Arrays.stream(similarity).allMatch(s -> s == similarity[0]));
            double loss = 0;
            if (alike) {
                loss = constraints(views, gradient, step.withSimilarity(similarity[0]), weight[0]);
            } else {
                for (int i = 0; i < weight.length; i++) {
                    INDArrayIndex one = NDArrayIndex.interval(i, i + 1);
                    loss += constraints(views.get(one), gradient.get(one), step.withSimilarity(similarity[i]), weight[i]);
                }
            }
            INDArray pixelGradient = pass.backward(gradient);
            return new Backward(pixelGradient.reshape(pixelGradient.size(1), pixelGradient.size(2),
                    pixelGradient.size(3)), loss);
        }

        /** The active constraints' loss on {@code views}, adding their gradient into {@code gradient}. */
        private double constraints(INDArray views, INDArray gradient, StepContext step, double scale) {
            double loss = 0;
            for (Bound c : constraints) {
                if (!c.spec().window().contains(step.step().time())) continue;
                Loss l = c.constraint().loss(views, step).scaled(scale * c.spec().weight().value(step.step()));
                loss += l.value();
                gradient.addi(l.gradient());
            }
            return loss;
        }
    }

    private static INDArray channels(double[] values) {
        return Nd4j.createFromArray(values).castTo(DataType.FLOAT).reshape(1, 3, 1, 1);
    }
}
