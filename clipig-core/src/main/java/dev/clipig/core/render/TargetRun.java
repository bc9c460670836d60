package dev.clipig.core.render;

import dev.clipig.clip.ClipModel;
import dev.clipig.clip.ImageGradient;
import dev.clipig.clip.nn.Workspaces;
import dev.clipig.core.config.FeatureSpec;
import dev.clipig.core.config.TargetSpec;
import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.Step;
import dev.clipig.core.transforms.StepContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One target of a run: its desired features, and its view pipelines, one per image resolution. */
final class TargetRun {
    private final TargetSpec spec;
    private final ClipModel model;
    private final FeatureObjective objective;
    private final Map<Size, ViewPipeline> pipelines = new HashMap<>();

    TargetRun(TargetSpec spec, ClipModel model) {
        this.spec = spec;
        this.model = model;
        this.objective = new FeatureObjective(spec.features(), targetFeatures(spec.features(), model), spec.select(),
                spec.featureScale());
    }

    TargetSpec spec() {
        return spec;
    }

    /** A step's loss, its gradient with respect to the pixels, and the mean similarity to each feature. */
    record Result(double loss, INDArray pixelGradient, double[] similarities) {
    }

    Result step(INDArray pixels, StepContext step) {
        Size size = new Size((int) pixels.size(2), (int) pixels.size(1));
        ViewPipeline pipeline = pipelines.computeIfAbsent(size, s -> Workspaces.outside(
                () -> ViewPipelines.of(spec, s, model.imageResolution(), step.step())));
        INDArray views = pipeline.views(pixels, step);
        FeaturePass features = new FeaturePass(step.step());
        ImageGradient g = model.imageGradient(views, features);
        ViewPipeline.Backward back = pipeline.backward(g.pixelGradient(),
                step.withSimilarity(features.evaluation.meanSimilarity()), features.weight);
        return new Result(features.evaluation.loss() * features.weight + back.constraintLoss(), back.pixelGradient(),
                features.evaluation.similarities());
    }

    /**
     * The loss gradient the image encoder's backward pass starts from: the target's weight times its
     * features' gradient. It keeps the evaluation for the rest of the step, as the pass hands back
     * only the gradient.
     */
    private final class FeaturePass implements UnaryOperator<INDArray> {
        private final Step step;
        private FeatureObjective.Evaluation evaluation;
        private double weight;

        FeaturePass(Step step) {
            this.step = step;
        }

        @Override
        public INDArray apply(INDArray features) {
            evaluation = objective.evaluate(features, step);
            weight = spec.weight().value(step.withSimilarity(evaluation.meanSimilarity()));
            return evaluation.gradient().muli(weight);
        }
    }

    /** The features of each text (or image) of the target, [F, embed]. */
    private static INDArray targetFeatures(List<FeatureSpec> features, ClipModel model) {
        List<INDArray> rows = new ArrayList<>();
        for (FeatureSpec f : features) {
            if (f.text().isPresent()) {
                rows.add(model.encodeTexts(List.of(f.text().get())));
            } else {
                rows.add(FeatureImages.encode(f.image().orElseThrow(), model));
            }
        }
        return Nd4j.vstack(rows.toArray(INDArray[]::new));
    }
}
