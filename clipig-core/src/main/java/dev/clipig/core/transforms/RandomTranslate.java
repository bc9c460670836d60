package dev.clipig.core.transforms;

/**
 * Moves each image by whole pixels drawn from {@code (-x·width, x·width)} and
 * {@code (-y·height, y·height)}; areas from outside are black.
 */
public record RandomTranslate(ScalarParam x, ScalarParam y) implements RandomWarp {

    @Override
    public Warp warp(Size input, StepContext ctx) {
        double maxX = x.value(ctx.step()) * input.width(), maxY = y.value(ctx.step()) * input.height();
        long dx = Math.round(ctx.uniform(-maxX, maxX)), dy = Math.round(ctx.uniform(-maxY, maxY));
        return new Warp(Affine.translate(-dx, -dy), input, Boundary.BLACK);
    }
}
