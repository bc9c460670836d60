package dev.clipig.core.transforms;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The reference's {@code rnoise}: normal noise drawn at a lower {@code resolution}, resized
 * bilinearly to the image, times a standard deviation per channel.
 */
public record ScaledNoise(VectorParam std, Size resolution) implements PixelTransform, RandomTransform {

    public ScaledNoise {
        std.require(3, "rnoise std");
    }

    @Override
    public Stage stage(Size input) {
        SeparableMap upscale = Resampling.map(resolution, input, Interpolation.LINEAR);
        return (x, ctx) -> {
            INDArray coarse = ctx.normal(x.dataType(), x.size(0), 3, resolution.height(), resolution.width());
            INDArray noise = upscale.apply(coarse).muli(Channels.of(std.values(ctx.step(), 3), x.dataType()));
            return new Pass(x.add(noise), g -> g);
        };
    }
}
