package dev.clipig.core.transforms;

/**
 * Marks a transform that draws its own random values for each image of a batch, which makes batches
 * larger than 1 useful.
 */
public interface RandomTransform {
}
