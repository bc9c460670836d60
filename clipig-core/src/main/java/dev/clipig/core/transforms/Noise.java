package dev.clipig.core.transforms;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Adds normal noise with a standard deviation per channel, drawn anew for every image. */
public record Noise(VectorParam std) implements PixelTransform, RandomTransform {

    public Noise {
        std.require(3, "noise std");
    }

    @Override
    public Stage stage(Size input) {
        return (x, ctx) -> {
            INDArray noisy = ctx.normal(x.dataType(), x.shape())
                    .muli(Channels.of(std.values(ctx.step(), 3), x.dataType())).addi(x);
            return new Pass(noisy, g -> g);
        };
    }
}
