package dev.clipig.core.constraints;

import dev.clipig.core.transforms.Channels;
import dev.clipig.core.transforms.StepContext;
import dev.clipig.core.transforms.VectorParam;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The difference between each image and the same image with a border painted in a color, times
 * 100: it pulls the {@code x} outer columns and {@code y} outer rows towards the color.
 */
public record BorderConstraint(int x, int y, VectorParam color, LossFunction lossFunction) implements Constraint {

    public BorderConstraint {
        if (x < 0 || y < 0) throw new IllegalArgumentException("border size must not be negative, got " + x + ", " + y);
        color.require(3, "border color");
    }

    @Override
    public Loss loss(INDArray images, StepContext ctx) {
        int height = (int) images.size(2), width = (int) images.size(3);
        INDArray border = Nd4j.ones(images.dataType(), 1, 1, height, width);
        int innerY = Math.max(0, height - 2 * y), innerX = Math.max(0, width - 2 * x);
        if (innerY > 0 && innerX > 0) {
            border.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(y, y + innerY),
                    NDArrayIndex.interval(x, x + innerX)).assign(0);
        }
        INDArray target = Channels.of(color.values(ctx.step(), 3), images.dataType());
        Loss difference = lossFunction.of(images.sub(target).muli(border));
        return new Loss(100 * difference.value(), difference.gradient().muli(border).muli(100));
    }
}
