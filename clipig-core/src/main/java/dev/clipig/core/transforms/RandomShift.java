package dev.clipig.core.transforms;

/** A {@link Shift} by offsets drawn from {@code [minX, maxX]} and {@code [minY, maxY]}. */
public record RandomShift(ScalarParam minX, ScalarParam maxX, ScalarParam minY, ScalarParam maxY)
        implements RandomWarp {

    /** The same range for both axes. */
    public RandomShift(ScalarParam min, ScalarParam max) {
        this(min, max, min, max);
    }

    @Override
    public Warp warp(Size input, StepContext ctx) {
        Step s = ctx.step();
        double x = ctx.uniform(minX.value(s), maxX.value(s));
        double y = ctx.uniform(minY.value(s), maxY.value(s));
        return Shift.shift(x, y, input);
    }
}
