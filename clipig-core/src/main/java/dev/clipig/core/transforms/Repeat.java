package dev.clipig.core.transforms;

/** Tiles the image {@code x} times to the right and {@code y} times downwards. */
public record Repeat(int x, int y) implements GeometricTransform {

    public Repeat {
        if (x < 1 || y < 1) throw new IllegalArgumentException("repeat counts must be positive, got " + x + ", " + y);
    }

    @Override
    public Size outputSize(Size input) {
        return Size.of((long) input.width() * x, (long) input.height() * y);
    }

    @Override
    public Warp warp(Size input, StepContext ctx) {
        return new Warp(Affine.IDENTITY, input, Boundary.WRAP);
    }
}
