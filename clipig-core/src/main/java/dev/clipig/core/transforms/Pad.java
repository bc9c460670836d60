package dev.clipig.core.transforms;

/**
 * Adds {@code x} columns left and right and {@code y} rows top and bottom, filled with a color,
 * the edge pixels, or the opposite side of the image ({@code fill}, {@code edge}, {@code wrap}).
 */
public record Pad(int x, int y, Boundary.Mode mode, VectorParam color) implements GeometricTransform {

    public Pad {
        if (x < 0 || y < 0) throw new IllegalArgumentException("pad size must not be negative, got " + x + ", " + y);
        color.require(3, "pad color");
    }

    public Pad(int x, int y, Boundary.Mode mode) {
        this(x, y, mode, VectorParam.of(0));
    }

    @Override
    public Size outputSize(Size input) {
        return Size.of(input.width() + 2L * x, input.height() + 2L * y);
    }

    @Override
    public Warp warp(Size input, StepContext ctx) {
        Boundary boundary = mode == Boundary.Mode.FILL ? Boundary.fill(color.values(ctx.step(), 3))
                : new Boundary(mode, 0, 0, 0);
        return new Warp(Affine.translate(-x, -y), input, boundary);
    }
}
