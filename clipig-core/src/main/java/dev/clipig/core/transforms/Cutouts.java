package dev.clipig.core.transforms;

/**
 * Square cutouts of random size and place, as VQGAN-CLIP and pixray score an image: each view of
 * the batch is its own square, of side {@code [min, max]} times the image's shorter side, anywhere
 * inside the image, later resized to the model's input with the rest of the sampling. A target
 * with cutouts shows CLIP {@code count} of them per image of its batch, so one step judges the image
 * as many small and large parts, not only as a whole.
 */
public record Cutouts(int count, ScalarParam min, ScalarParam max) implements GeometricTransform, RandomTransform {

    public Cutouts {
        if (count < 1) throw new IllegalArgumentException("cutouts count must be positive, got " + count);
    }

    @Override
    public Size outputSize(Size input) {
        return Size.square(Math.min(input.width(), input.height()));
    }

    @Override
    public Warp warp(Size input, StepContext ctx) {
        // The two bounds may come in either order: expressions of the step may cross.
        double a = min.value(ctx.step()), b = max.value(ctx.step());
        double low = Math.min(a, b), high = Math.max(a, b);
        if (!(low > 0 && high <= 1)) {
            throw new IllegalArgumentException("cutouts size needs sides in (0, 1], got " + a + ", " + b);
        }
        int shorter = Math.min(input.width(), input.height());
        double side = ctx.uniform(low, high) * shorter;
        double left = ctx.uniform(0, input.width() - side), top = ctx.uniform(0, input.height() - side);
        double scale = side / shorter;
        return new Warp(new Affine(scale, 0, left, 0, scale, top), input, Boundary.EDGE);
    }
}
