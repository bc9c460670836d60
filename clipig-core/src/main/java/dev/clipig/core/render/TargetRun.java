package dev.clipig.core.render;

import dev.clipig.clip.ClipEnsemble;
import dev.clipig.core.config.TargetSpec;
import dev.clipig.core.plan.TargetPlan;
import dev.clipig.core.plan.ViewPlan;
import dev.clipig.core.transforms.Step;
import dev.clipig.core.transforms.StepContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.DoubleStream;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One target of a run: its loss and gradient at each step, through the views its plan has for the
 * resolution. In an ensemble each view is judged by the model it is dealt to, against that model's
 * features of the target.
 */
final class TargetRun {
    private final TargetSpec spec;
    private final ClipEnsemble models;
    /** One per model of the ensemble; none for a target of constraints only. */
    private final List<FeatureObjective> objectives;

    TargetRun(TargetPlan plan, ClipEnsemble models) {
        this.spec = plan.spec();
        this.models = models;
        this.objectives = plan.features().map(perModel -> perModel.stream().map(f -> new FeatureObjective(
                spec.features(), f, spec.select(), plan.featureScales(), spec.weight())).toList()).orElse(List.of());
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
        if (objectives.isEmpty()) return constraintsOnly(views, step);
        FeaturePass features = new FeaturePass(step.step());
        INDArray pixelGradient = models.imageGradient(views.normalized(), features);
        Judged e = features.judged();
        ViewPlan.Backward back = views.backward(pixelGradient, step, e.viewSimilarity(), e.viewWeight());
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

    /** What the models' judgement of a step's views comes to: the parts of a feature evaluation the step needs. */
    private record Judged(double loss, double[] similarities, double[] viewSimilarity, double[] viewWeight) {
    }

    /**
     * The loss gradient each model's backward pass starts from, each view's weighted by the
     * target's weight at that view's similarity. It keeps the evaluations for the rest of the step,
     * as the pass hands back only the gradients.
     */
    private final class FeaturePass implements ClipEnsemble.FeatureGradient {
        private final Step step;
        private final List<FeatureObjective.Evaluation> evaluations = new ArrayList<>();

        FeaturePass(Step step) {
            this.step = step;
        }

        @Override
        public INDArray apply(int model, INDArray features) {
            FeatureObjective.Evaluation e = objectives.get(model).evaluate(features, step);
            evaluations.add(e);
            return e.gradient();
        }

        /** The evaluations joined in view order; the mean similarities weighted by each model's views. */
        Judged judged() {
            if (evaluations.size() == 1) {
                FeatureObjective.Evaluation e = evaluations.get(0);
                return new Judged(e.loss(), e.similarities(), e.viewSimilarity(), e.viewWeight());
            }
            double loss = 0;
            double[] similarities = new double[spec.features().size()];
            int views = evaluations.stream().mapToInt(e -> e.viewSimilarity().length).sum();
            for (FeatureObjective.Evaluation e : evaluations) {
                loss += e.loss();
                for (int j = 0; j < similarities.length; j++) {
                    similarities[j] += e.similarities()[j] * e.viewSimilarity().length / views;
                }
            }
            return new Judged(loss, similarities,
                    evaluations.stream().flatMapToDouble(e -> DoubleStream.of(e.viewSimilarity())).toArray(),
                    evaluations.stream().flatMapToDouble(e -> DoubleStream.of(e.viewWeight())).toArray());
        }
    }
}
