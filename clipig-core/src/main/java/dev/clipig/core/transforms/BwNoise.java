package dev.clipig.core.transforms;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Adds gray normal noise: the same value on all three channels of a pixel. */
public record BwNoise(ScalarParam std) implements PixelTransform, RandomTransform {

    @Override
    public Stage stage(Size input) {
        return (x, ctx) -> {
            INDArray noise = ctx.normal(x.dataType(), x.size(0), 1, input.height(), input.width())
                    .muli(std.value(ctx.step()));
            return new Pass(x.add(noise), g -> g);
        };
    }
}
