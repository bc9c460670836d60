package dev.clipig.core.render;

import dev.clipig.clip.ClipModel;
import dev.clipig.clip.ImageGradient;
import dev.clipig.core.config.TargetSpec;
import dev.clipig.core.plan.TargetPlan;
import dev.clipig.core.plan.ViewPlan;
import dev.clipig.core.transforms.Step;
import dev.clipig.core.transforms.StepContext;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One target of a run: its loss and gradient at each step, through the views its plan has for the resolution. */
final class TargetRun {
    private final TargetSpec spec;
    private final ClipModel model;
    private final Optional<FeatureObjective> objective;

    TargetRun(TargetPlan plan, ClipModel model) {
        this.spec = plan.spec();
        this.model = model;
        this.objective = plan.features().map(f -> new FeatureObjective(spec.features(), f, spec.select(),
                plan.featureScales(), spec.weight()));
    }

    TargetSpec spec() {
        return spec;
    }

    /** A step's loss, its gradient with respect to the pixels, and the mean similarity to each feature. */
    record Result(double loss, INDArray pixelGradient, double[] similarities) {
    }

    /** @param plan this target's views at the resolution of {@code pixels} */
    Result step(ViewPlan plan, INDArray pixels, StepContext step) {
        ViewPlan.Views views = plan.views(pixels, step);
        if (objective.isEmpty()) return constraintsOnly(views, step);
        FeaturePass features = new FeaturePass(step.step());
        ImageGradient g = model.imageGradient(views.normalized(), features);
        FeatureObjective.Evaluation e = features.evaluation;
        ViewPlan.Backward back = views.backward(g.pixelGradient(), step, e.viewSimilarity(), e.viewWeight());
        return new Result(e.loss() + back.constraintLoss(), back.pixelGradient(), e.similarities());
    }

    /**
     * A target without features: CLIPig then reads its similarity as 0 and its loss is its
     * constraints' on the views alone, so CLIP need not see them.
     */
    private Result constraintsOnly(ViewPlan.Views views, StepContext step) {
        int batch = (int) views.normalized().size(0);
        double[] similarity = new double[batch], weight = new double[batch];
        Arrays.fill(weight, spec.weight().value(step.step().withSimilarity(0)));
        ViewPlan.Backward back = views.backward(Nd4j.zerosLike(views.normalized()), step, similarity, weight);
        return new Result(back.constraintLoss(), back.pixelGradient(), new double[0]);
    }

    /**
     * The loss gradient the image encoder's backward pass starts from, each view's weighted by the
     * target's weight at that view's similarity. It keeps the evaluation for the rest of the step,
     * as the pass hands back only the gradient.
     */
    private final class FeaturePass implements UnaryOperator<INDArray> {
        private final Step step;
        private FeatureObjective.Evaluation evaluation;

        FeaturePass(Step step) {
            this.step = step;
        }

        @Override
        public INDArray apply(INDArray features) {
            evaluation = objective.orElseThrow().evaluate(features, step);
            return evaluation.gradient();
        }
    }
}
