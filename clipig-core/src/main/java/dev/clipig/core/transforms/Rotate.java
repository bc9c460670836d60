package dev.clipig.core.transforms;

/**
 * Rotates counter-clockwise by {@code degree} about {@code center} (fractions of width and height,
 * taken to whole pixels as the reference does); the corners that come from outside are black.
 * Sampled at the nearest pixel, as the reference's torchvision rotate does by default.
 */
public record Rotate(ScalarParam degree, VectorParam center) implements GeometricTransform {

    public Rotate {
        center.require(2, "rotate center");
    }

    public Rotate(ScalarParam degree) {
        this(degree, VectorParam.of(0.5));
    }

    @Override
    public Size outputSize(Size input) {
        return input;
    }

    @Override
    public Warp warp(Size input, StepContext ctx) {
        double[] c = center.values(ctx.step(), 2);
        return rotation(degree.value(ctx.step()), c[0], c[1], input);
    }

    static Warp rotation(double degrees, double centerX, double centerY, Size input) {
        double cx = (int) (centerX * input.width()), cy = (int) (centerY * input.height());
        return new Warp(Affine.rotationSource(degrees, cx, cy), input, Boundary.BLACK, true);
    }
}
