package dev.clipig.core.constraints;

import dev.clipig.core.transforms.StepContext;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Total variation: the differences between neighbouring pixels, across and down, each direction's
 * loss (mean absolute or squared difference per image) added. Not in CLIPig; it is the smoothness
 * prior of the image-synthesis work that followed (VQGAN-CLIP, pixray), which keeps the optimizer
 * from spending CLIP's gradient on pixel-level noise.
 */
public record TotalVariationConstraint(LossFunction lossFunction) implements Constraint {

    @Override
    public Loss loss(INDArray images, StepContext ctx) {
        INDArray gradient = images.ulike().assign(0);
        double value = 0;
        for (int axis = 2; axis <= 3; axis++) {
            long n = images.size(axis);
            if (n < 2) continue;
            Loss along = lossFunction.of(images.get(range(axis, 1, n)).sub(images.get(range(axis, 0, n - 1))));
            value += along.value();
            gradient.get(range(axis, 1, n)).addi(along.gradient());
            gradient.get(range(axis, 0, n - 1)).subi(along.gradient());
        }
        return new Loss(value, gradient);
    }

    /** Every image, every channel, and {@code [from, to)} along {@code axis} (2 rows, 3 columns). */
    private static INDArrayIndex[] range(int axis, long from, long to) {
        INDArrayIndex[] index = {NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()};
        index[axis] = NDArrayIndex.interval(from, to);
        return index;
    }
}
