package dev.clipig.core.transforms;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Multiplies each channel by a fixed value. */
public record Mul(VectorParam color) implements PixelTransform {

    public Mul {
        color.require(3, "mul color");
    }

    @Override
    public Stage stage(Size input) {
        return (x, ctx) -> {
            INDArray factor = Channels.of(color.values(ctx.step(), 3), x.dataType());
            return new Pass(x.mul(factor), g -> g.mul(factor));
        };
    }
}
