package dev.clipig.core.transforms;

/** A transform that computes each output pixel from the input pixels at the same place or nearby. */
public non-sealed interface PixelTransform extends Transform {

    @Override
    Stage stage(Size input);

    @Override
    default Size outputSize(Size input) {
        return input;
    }
}
