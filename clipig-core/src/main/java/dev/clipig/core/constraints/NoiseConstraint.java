package dev.clipig.core.constraints;

import dev.clipig.core.transforms.Channels;
import dev.clipig.core.transforms.StepContext;
import dev.clipig.core.transforms.VectorParam;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The difference between each image and a noisy copy of it, times 100, as the reference computes
 * it. The difference is the noise alone, so the loss does not depend on the image and its gradient
 * is zero: the constraint only reports a value.
 */
public record NoiseConstraint(VectorParam std, LossFunction lossFunction) implements Constraint {

    public NoiseConstraint {
        std.require(3, "noise std");
    }

    @Override
    public Loss loss(INDArray images, StepContext ctx) {
        INDArray noise = ctx.normal(images.dataType(), images.shape())
                .muli(Channels.of(std.values(ctx.step(), 3), images.dataType()));
        return new Loss(100 * lossFunction.of(noise.negi()).value(), Nd4j.zerosLike(images));
    }
}
