package dev.clipig.core.transforms;

/**
 * Scales each image about its center by a factor drawn from {@code [min, max]} ({@code 2} doubles
 * the content); the size stays and areas from outside are black. Sampled at the nearest pixel, as
 * the reference's torchvision RandomAffine does by default.
 */
public record RandomScale(ScalarParam min, ScalarParam max) implements RandomWarp {

    @Override
    public Warp warp(Size input, StepContext ctx) {
        double factor = ctx.uniform(min.value(ctx.step()), max.value(ctx.step()));
        if (!(factor > 0)) throw new IllegalArgumentException("random_scale needs positive factors, drew " + factor);
        double inverse = 1.0 / factor;
        return new Warp(Affine.scale(inverse, inverse, input.width() / 2.0, input.height() / 2.0),
                input, Boundary.BLACK, true);
    }
}
