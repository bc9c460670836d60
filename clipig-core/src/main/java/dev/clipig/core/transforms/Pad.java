package dev.clipig.core.transforms;

/**
 * Adds {@code x} columns left and right and {@code y} rows top and bottom, filled with a color,
 * the edge pixels, or the opposite side of the image ({@code fill}, {@code edge}, {@code wrap}).
 */
public record Pad(int x, int y, Mode mode, VectorParam color) implements GeometricTransform {

    public enum Mode { FILL, EDGE, WRAP }

    public Pad {
        if (x < 0 || y < 0) throw new IllegalArgumentException("pad size must not be negative, got " + x + ", " + y);
        color.require(3, "pad color");
    }

    public Pad(int x, int y, Mode mode) {
        this(x, y, mode, VectorParam.of(0));
    }

    @Override
    public Size outputSize(Size input) {
        return new Size(input.width() + 2 * x, input.height() + 2 * y);
    }

    @Override
    public Warp warp(Size input, StepContext ctx) {
        Boundary boundary = switch (mode) {
            case FILL -> Boundary.fill(color.values(ctx.step(), 3));
            case EDGE -> Boundary.EDGE;
            case WRAP -> Boundary.WRAP;
        };
        return new Warp(Affine.translate(-x, -y), input, boundary);
    }
}
