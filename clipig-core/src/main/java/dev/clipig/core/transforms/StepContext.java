package dev.clipig.core.transforms;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a transform may read in one step: the step and the run's random source. All randomness of a
 * run flows from this one seeded generator, so a seed reproduces a run.
 */
public record StepContext(Step step, SplittableRandom random) {

    /** The same step and random source, seen by a target with this mean similarity. */
    public StepContext withSimilarity(double similarity) {
        return new StepContext(step.withSimilarity(similarity), random);
    }

    public double uniform(double from, double to) {
        return from == to ? from : from + (to - from) * random.nextDouble();
    }

    /**
     * Standard normal noise of type FLOAT or DOUBLE. Drawn in Java (ND4J's native generator costs
     * more to set up per step than it saves), each slice along the first axis on both cores from
     * its own generator split off the run's in order, so the result depends only on the seed.
     */
    public INDArray normal(DataType type, long... shape) {
        Plane noise = Plane.create(type, shape);
        int slices = Math.toIntExact(shape[0]);
        int slice = Math.toIntExact(noise.array().length() / slices);
        SplittableRandom[] generators = new SplittableRandom[slices];
        for (int s = 0; s < slices; s++) generators[s] = random.split();
        IntStream.range(0, slices).parallel().forEach(s -> {
            for (int i = s * slice; i < (s + 1) * slice; i++) noise.set(i, generators[s].nextGaussian());
        });
        return noise.written();
    }
}
