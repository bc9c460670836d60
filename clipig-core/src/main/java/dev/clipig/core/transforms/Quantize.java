package dev.clipig.core.transforms;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Rounds each channel down to a multiple of its step. Like {@code floor} in torch its gradient is
 * zero, so as a target transform it stops training; it is meant for post-processing.
 */
public record Quantize(VectorParam step) implements PixelTransform {

    public Quantize {
        step.require(3, "quantize step");
    }

    @Override
    public Stage stage(Size input) {
        return (x, ctx) -> {
            INDArray s = Channels.of(step.values(ctx.step(), 3), x.dataType());
            return new Pass(Transforms.floor(x.div(s), false).muli(s), g -> Nd4j.zerosLike(g));
        };
    }
}
