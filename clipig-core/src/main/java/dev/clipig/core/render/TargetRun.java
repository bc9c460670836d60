package dev.clipig.core.render;

import dev.clipig.clip.ClipModel;
import dev.clipig.clip.ImageGradient;
import dev.clipig.clip.nn.Workspaces;
import dev.clipig.core.config.FeatureSpec;
import dev.clipig.core.config.TargetSpec;
import dev.clipig.core.expr.MapVariables;
import dev.clipig.core.transforms.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One target of a run: its desired features, and its view pipelines, one per image resolution. */
final class TargetRun {
    private final TargetSpec spec;
    private final ClipModel model;
    private final FeatureObjective objective;
    private final Map<List<Long>, ViewPipeline> pipelines = new HashMap<>();

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

    Result step(INDArray pixels, Step step) {
        ViewPipeline pipeline = pipelines.computeIfAbsent(List.of(pixels.size(1), pixels.size(2)),
                size -> Workspaces.outside(() -> ViewPipelines.of(spec, new Size((int) pixels.size(2),
                        (int) pixels.size(1)), model.imageResolution(), step.variables())));
        INDArray views = pipeline.views(pixels, step);
        FeatureObjective.Evaluation[] evaluation = new FeatureObjective.Evaluation[1];
        double[] weight = new double[1];
        ImageGradient g = model.imageGradient(views, features -> {
            evaluation[0] = objective.evaluate(features, step.time(), step.variables());
            weight[0] = spec.weight().value(withSimilarity(step, evaluation[0]));
            return evaluation[0].gradient().muli(weight[0]);
        });
        ViewPipeline.Backward back = pipeline.backward(g.pixelGradient(), withSimilarity(step, evaluation[0]), weight[0]);
        return new Result(evaluation[0].loss() * weight[0] + back.constraintLoss(), back.pixelGradient(),
                evaluation[0].similarities());
    }

    private static MapVariables withSimilarity(Step step, FeatureObjective.Evaluation e) {
        return step.variables().toBuilder().similarity(e.meanSimilarity()).build();
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
