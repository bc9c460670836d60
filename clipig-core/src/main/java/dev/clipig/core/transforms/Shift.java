package dev.clipig.core.transforms;

/**
 * Moves the image by whole pixels, wrapping around the edges. An offset between -1 and 1 is a
 * fraction of the size, a larger one a pixel count.
 */
public record Shift(ScalarParam x, ScalarParam y) implements GeometricTransform {

    @Override
    public Size outputSize(Size input) {
        return input;
    }

    @Override
    public Warp warp(Size input, StepContext ctx) {
        return shift(x.value(ctx.step()), y.value(ctx.step()), input);
    }

    static Warp shift(double x, double y, Size input) {
        int dx = Math.floorMod(pixels(x, input.width()), input.width());
        int dy = Math.floorMod(pixels(y, input.height()), input.height());
        return new Warp(Affine.translate(-dx, -dy), input, Boundary.WRAP);
    }

    private static int pixels(double offset, int size) {
        return (int) (Math.abs(offset) < 1 ? offset * size : offset);
    }
}
