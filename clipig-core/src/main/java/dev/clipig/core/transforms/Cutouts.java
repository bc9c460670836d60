package dev.clipig.core.transforms;

/**
 * Square cutouts of random size, place and turn, as VQGAN-CLIP and pixray score an image: each view
 * of the batch is its own square, of side {@code [min, max]} times the image's shorter side, turned
 * by an angle from {@code [angleMin, angleMax]} degrees, anywhere inside the image, later resized to
 * the model's input with the rest of the sampling. A target with cutouts shows CLIP {@code count} of
 * them per image of its batch, so one step judges the image as many small and large parts, not
 * only as a whole.
 *
 * <p>A turned square keeps inside the image by shrinking where it would not fit, so no view shows
 * padding: a padded, rotated image stretches whatever touches its border into the padding, and the
 * optimizer learns to put objects there. With no angle range no angle is drawn, so the random
 * stream, and every render, stays what it was before cutouts could turn.
 */
public record Cutouts(int count, ScalarParam min, ScalarParam max, ScalarParam angleMin, ScalarParam angleMax)
        implements GeometricTransform, RandomTransform {

    public Cutouts {
        if (count < 1) throw new IllegalArgumentException("cutouts count must be positive, got " + count);
    }

    public Cutouts(int count, ScalarParam min, ScalarParam max) {
        this(count, min, max, ScalarParam.of(0), ScalarParam.of(0));
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
        double turnLow = angleMin.value(ctx.step()), turnHigh = angleMax.value(ctx.step());
        double turn = turnLow == 0 && turnHigh == 0 ? 0
                : Math.toRadians(ctx.uniform(Math.min(turnLow, turnHigh), Math.max(turnLow, turnHigh)));
        double cos = Math.cos(turn), sin = Math.sin(turn), spread = Math.abs(cos) + Math.abs(sin);
        side = Math.min(side, shorter / spread);
        double extent = side * spread;
        double left = ctx.uniform(0, input.width() - extent), top = ctx.uniform(0, input.height() - extent);
        // The square turns about the centre of its bounding box [left, left + extent]²; output (0, 0)
        // is its first corner, which for no turn is (left, top) itself.
        double scale = side / shorter;
        return new Warp(new Affine(scale * cos, -scale * sin, left + (extent - side * (cos - sin)) / 2,
                scale * sin, scale * cos, top + (extent - side * (cos + sin)) / 2), input, Boundary.EDGE);
    }
}
