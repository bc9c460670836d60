package dev.clipig.core.transforms;

/** A geometric transform that keeps the size and draws a new warp for every image of a batch. */
public interface RandomWarp extends GeometricTransform, RandomTransform {

    @Override
    default Size outputSize(Size input) {
        return input;
    }
}
