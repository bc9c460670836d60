package dev.clipig.core.transforms;

/**
 * Rotates each image by an angle drawn from {@code [degreeMin, degreeMax]} about a center whose x
 * and y are each drawn from {@code [centerMin, centerMax]} (fractions of the image size).
 */
public record RandomRotate(ScalarParam degreeMin, ScalarParam degreeMax,
                           ScalarParam centerMin, ScalarParam centerMax) implements RandomWarp {

    public RandomRotate(ScalarParam degreeMin, ScalarParam degreeMax) {
        this(degreeMin, degreeMax, ScalarParam.of(0.5), ScalarParam.of(0.5));
    }

    @Override
    public Warp warp(Size input, StepContext ctx) {
        Step s = ctx.step();
        double angle = ctx.uniform(degreeMin.value(s), degreeMax.value(s));
        double lo = centerMin.value(s), hi = centerMax.value(s);
        double cx = ctx.uniform(lo, hi), cy = ctx.uniform(lo, hi);
        return Rotate.rotation(angle, cx, cy, input);
    }
}
