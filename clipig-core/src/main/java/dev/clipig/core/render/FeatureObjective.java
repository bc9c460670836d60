package dev.clipig.core.render;

import dev.clipig.clip.ClipModel;
import dev.clipig.core.config.Param;
import dev.clipig.core.config.FeatureSpec;
import dev.clipig.core.config.SelectMode;
import dev.clipig.core.constraints.LossFunction;
import dev.clipig.core.transforms.Step;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A target's feature loss, as CLIPig defines it: for each view i of the batch and each desired
 * feature j, {@code w_ij · loss_j(û_i, t̂_j)} on unit-length features, summed, where the loss is
 * {@code 1 − cos}, or 100 × the mean absolute or squared difference. The weights may depend on
 * the view's similarity to the feature; the select mode may keep only the best or worst feature,
 * or compare with the weighted mean feature ({@code mix}).
 *
 * <p>Its gradient with respect to the raw CLIP features is what the image encoder's
 * vector-Jacobian product takes.
 */
final class FeatureObjective {
    private final List<FeatureSpec> specs;
    private final INDArray targets;          // [F, E], unit rows
    private final SelectMode select;
    private final double[] featureScales;
    private final Param targetWeight;

    /**
     * @param featureScales the factors of {@code feature_scale} on each feature's similarity
     * @param targetWeight  the target's weight, read per view with that view's similarity
     */
    FeatureObjective(List<FeatureSpec> specs, INDArray targetFeatures, SelectMode select, double[] featureScales,
                     Param targetWeight) {
        this.specs = List.copyOf(specs);
        this.targets = ClipModel.normalize(targetFeatures);
        this.select = select;
        this.featureScales = featureScales.clone();
        this.targetWeight = targetWeight;
    }

    /**
     * The loss (target weight included), its gradient with respect to the features, the batch's
     * mean 100 × cosine similarity to each feature, and per view the similarity CLIPig's
     * expressions read (the mean over features after the scales) and the target's weight at it
     * (plain numbers: the arrays of a pass may live in its workspace).
     */
    record Evaluation(double loss, INDArray gradient, double[] similarities, double[] viewSimilarity,
                      double[] viewWeight) {
    }

    /**
     * As CLIPig does for each view: its similarities, times the feature scales, are what the feature
     * weights, the best/worst choice and (as their mean) the target weight read.
     */
    Evaluation evaluate(INDArray features, Step step) {
        int batch = (int) features.size(0), count = specs.size();
        INDArray norms = features.norm2(1).reshape(batch, 1);
        INDArray unit = features.divColumnVector(norms);
        INDArray similarities = unit.mmul(targets.transpose()).muli(100);

        INDArray dUnit = Nd4j.zerosLike(unit);
        double loss = 0;
        double[] viewSimilarity = new double[batch], viewWeight = new double[batch];
        for (int i = 0; i < batch; i++) {
            double[] weights = new double[count];
            boolean[] active = new boolean[count];
            double[] scaled = new double[count];
            for (int j = 0; j < count; j++) {
                FeatureSpec spec = specs.get(j);
                double sim = similarities.getDouble(i, j);
                scaled[j] = sim * featureScales[j] * spec.scale().value(step.withSimilarity(sim));
                active[j] = spec.window().contains(step.time());
                weights[j] = spec.weight().value(step.withSimilarity(scaled[j]));
            }
            viewSimilarity[i] = Arrays.stream(scaled).average().orElse(0);
            viewWeight[i] = targetWeight.value(step.withSimilarity(viewSimilarity[i]));
            INDArray u = unit.getRow(i, true), du = dUnit.getRow(i, true);
            double viewLoss = 0;
            if (select == SelectMode.MIX) {
                viewLoss = mixed(u, du, weights, active);
            } else {
                int only = select == SelectMode.ALL ? -1 : pick(scaled, active, select == SelectMode.BEST);
                for (int j = 0; j < count; j++) {
                    if (!active[j] || (only >= 0 && j != only)) continue;
                    viewLoss += weights[j] * term(specs.get(j).loss(), u, targets.getRow(j, true), weights[j], du);
                }
            }
            loss += viewWeight[i] * viewLoss;
            du.muli(viewWeight[i]);
        }
        // Through the normalization û = f / |f|: df = (dû − û (û · dû)) / |f|.
        INDArray radial = unit.mul(dUnit).sum(true, 1);
        INDArray gradient = dUnit.subi(unit.mulColumnVector(radial)).diviColumnVector(norms);
        return new Evaluation(loss, gradient, similarities.mean(0).toDoubleVector(), viewSimilarity, viewWeight);
    }
    /** loss(u, t), adding weight · d loss / du into du. */
    private static double term(LossFunction function, INDArray u, INDArray t, double weight, INDArray du) {
        INDArray diff = u.sub(t);
        long dims = u.length();
        return switch (function) {
            case COSINE -> {
                du.subi(t.mul(weight));
                yield 1 - u.mul(t).sumNumber().doubleValue();
            }
            case L1 -> {
                du.addi(Transforms.sign(diff, true).muli(100.0 * weight / dims));
                yield 100 * Transforms.abs(diff, true).meanNumber().doubleValue();
            }
            case L2 -> {
                du.addi(diff.mul(200.0 * weight / dims));
                yield 100 * diff.mul(diff).meanNumber().doubleValue();
            }
        };
    }

    /** mix: the loss of the first feature's kind against the weighted mean of the active features. */
    private double mixed(INDArray u, INDArray du, double[] weights, boolean[] active) {
        INDArray mean = Nd4j.zerosLike(u);
        boolean any = false;
        for (int j = 0; j < weights.length; j++) {
            if (!active[j]) continue;
            mean.addi(targets.getRow(j, true).mul(weights[j]));
            any = true;
        }
        if (!any || mean.norm2Number().doubleValue() == 0) return 0;
        return term(specs.get(0).loss(), u, mean.divi(mean.norm2Number()), 1, du);
    }

    private static int pick(double[] ranked, boolean[] active, boolean best) {
        int chosen = -1;
        for (int j = 0; j < ranked.length; j++) {
            if (active[j] && (chosen < 0 || (best ? ranked[j] > ranked[chosen] : ranked[j] < ranked[chosen]))) chosen = j;
        }
        return chosen;
    }
}
