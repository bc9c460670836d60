package dev.clipig.core.transforms;

/** Shifts each image's channel means to the given values. */
public record Mean(VectorParam mean) implements PixelTransform {

    public Mean {
        mean.require(3, "mean");
    }

    @Override
    public Stage stage(Size input) {
        return (x, ctx) -> new Pass(
                x.sub(x.mean(true, 2, 3)).addi(Channels.of(mean.values(ctx.step(), 3), x.dataType())),
                g -> g.sub(g.mean(true, 2, 3)));
    }
}
