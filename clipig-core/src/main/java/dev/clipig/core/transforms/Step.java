package dev.clipig.core.transforms;

import dev.clipig.core.expr.TrainingTime;
import dev.clipig.core.expr.Value;
import dev.clipig.core.expr.Variables;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Where a run stands in one training step, which is also what its expressions read: the training
 * time, the resolution of the trained pixels, the learnrate and its scale, and the similarity
 * (100 × cosine) of the target being trained. A value not yet known in the step is {@code NaN} and
 * no variable, so an expression that reads it too early fails instead of reading a stand-in.
 *
 * @param learnrate the learning rate of the step, the optimizer's base rate included
 * @param random    what the expressions' random functions draw from in this step
 */
public record Step(TrainingTime time, Size resolution, double learnrate, double learnrateScale, double similarity,
                   RandomGenerator random) implements Variables {

    /** The step before its learnrate is known: what the learnrate expressions read. */
    public static Step at(TrainingTime time, Size resolution, RandomGenerator random) {
        return new Step(time, resolution, Double.NaN, Double.NaN, Double.NaN, random);
    }

    /** The first of {@code epochs} steps at learnrate 1, for tests and one-off evaluations. */
    public static Step start(int epochs, Size resolution) {
        return new Step(new TrainingTime(0, epochs), resolution, 1.0, 1.0, Double.NaN, new SplittableRandom(0));
    }

    public Step withLearnrate(double newLearnrate, double newLearnrateScale) {
        return new Step(time, resolution, newLearnrate, newLearnrateScale, similarity, random);
    }

    /** This step as a target with this mean similarity (or a feature with its own) sees it. */
    public Step withSimilarity(double newSimilarity) {
        return new Step(time, resolution, learnrate, learnrateScale, newSimilarity, random);
    }

    @Override
    public Optional<Value> lookup(String name) {
        return switch (name) {
            case "resolution" -> Optional.of(Value.ofInts(resolution.width(), resolution.height()));
            case "width" -> Optional.of(Value.of((long) resolution.width()));
            case "height" -> Optional.of(Value.of((long) resolution.height()));
            case "learnrate" -> known(learnrate);
            case "learnrate_scale" -> known(learnrateScale);
            case "similarity" -> known(similarity);
            default -> time.lookup(name);
        };
    }

    private static Optional<Value> known(double value) {
        return Double.isNaN(value) ? Optional.empty() : Optional.of(Value.of(value));
    }
}
