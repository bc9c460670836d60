package dev.clipig.core.transforms;

/** Adds a fixed value per channel; one value for all three is a gray. */
public record Add(VectorParam color) implements PixelTransform {

    public Add {
        color.require(3, "add color");
    }

    @Override
    public Stage stage(Size input) {
        return (x, ctx) -> new Pass(x.add(Channels.of(color.values(ctx.step(), 3), x.dataType())), g -> g);
    }
}
