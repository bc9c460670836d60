package dev.clipig.core.transforms;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Clamps pixels into {@code [min, max]}. As with {@code torch.clamp}, the gradient passes where a
 * pixel lies inside the range, bounds included, and is zero elsewhere.
 */
public record Clamp(ScalarParam min, ScalarParam max) implements PixelTransform {

    /** The clamp into the displayable range that the reference applies before CLIP sees an image. */
    public static final Clamp UNIT = new Clamp(ScalarParam.of(0), ScalarParam.of(1));

    @Override
    public Stage stage(Size input) {
        return (x, ctx) -> {
            INDArray y = clamp(x, min.value(ctx.step()), max.value(ctx.step()));
            INDArray passes = y.eq(x).castTo(x.dataType());
            return new Pass(y, g -> g.mul(passes));
        };
    }

    static INDArray clamp(INDArray x, double min, double max) {
        return Transforms.min(Transforms.max(x, min, true), max, false);
    }
}
