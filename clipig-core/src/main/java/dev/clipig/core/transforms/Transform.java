package dev.clipig.core.transforms;

/**
 * A transform of the reference's {@code targets.transforms} list. Pixel-wise ones build a
 * {@link Stage}; geometric ones describe where each output pixel is sampled from, so a run of them
 * is fused into one bilinear sampling.
 */
public sealed interface Transform permits PixelTransform, GeometricTransform {

    Size outputSize(Size input);

    /** This transform alone as a differentiable stage for images of the given size. */
    Stage stage(Size input);

    /** Whether each image of a batch looks different ({@link RandomTransform}). */
    default boolean isRandom() {
        return this instanceof RandomTransform;
    }
}
