package dev.clipig.core.transforms;

/** A transform that moves pixels: each output pixel is a bilinear or nearest-pixel sample of the input. */
public non-sealed interface GeometricTransform extends Transform {

    /** Where one image of the batch samples its input in this step (random ones draw anew). */
    Warp warp(Size input, StepContext ctx);

    /** A sampling of this transform alone; in a pipeline consecutive ones share one sampling. */
    @Override
    default Stage stage(Size input) {
        return new Sampling(java.util.List.of(this), input);
    }
}
