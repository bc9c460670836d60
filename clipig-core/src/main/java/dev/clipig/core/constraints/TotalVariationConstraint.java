package dev.clipig.core.constraints;

import dev.clipig.core.ConfigChoice;
import dev.clipig.core.transforms.StepContext;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Total variation: the differences between neighbouring pixels. Not in CLIPig; it is the smoothness
 * prior of the image-synthesis work that followed (VQGAN-CLIP, pixray), which keeps the optimizer
 * from spending CLIP's gradient on pixel-level noise.
 *
 * <p>{@link Norm#ANISOTROPIC} adds each direction's loss (of the differences across, then down).
 * With the {@code l1} loss that measures an outline by its extent across plus its extent down, which
 * is shortest for an axis-aligned square of a given area, so the prior pulls shapes towards squares.
 * {@link Norm#ISOTROPIC} takes the loss of the gradient's length {@code sqrt(dx² + dy²)} at each
 * pixel, which measures an outline by its true length, least for a disk (Rudin, Osher and Fatemi's
 * total variation), and favours no direction.
 */
public record TotalVariationConstraint(LossFunction lossFunction, Norm norm) implements Constraint {

    /** How the two directions' differences combine. */
    public enum Norm implements ConfigChoice { ANISOTROPIC, ISOTROPIC }

    public TotalVariationConstraint(LossFunction lossFunction) {
        this(lossFunction, Norm.ANISOTROPIC);
    }

    @Override
    public Loss loss(INDArray images, StepContext ctx) {
        return norm == Norm.ISOTROPIC ? isotropic(images) : anisotropic(images);
    }

    private Loss anisotropic(INDArray images) {
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

    /**
     * Forward differences at every pixel that has a right and a lower neighbour. Saves nothing but
     * the differences: the backward of {@code r = |(dx, dy)|} is {@code (dx, dy) / r} times the
     * loss's gradient in {@code r}, zero where r is (the subgradient l1 also takes at zero).
     */
    private Loss isotropic(INDArray images) {
        long h = images.size(2), w = images.size(3);
        INDArray gradient = images.ulike().assign(0);
        if (h < 2 || w < 2) return new Loss(0, gradient);
        INDArray here = images.get(window(0, h - 1, 0, w - 1));
        INDArray dx = images.get(window(0, h - 1, 1, w)).sub(here);
        INDArray dy = images.get(window(1, h, 0, w - 1)).sub(here);
        INDArray r = Transforms.sqrt(dx.mul(dx).addi(dy.mul(dy)), false);
        Loss ofR = lossFunction.of(r);
        INDArray perR = ofR.gradient().div(Transforms.max(r, Float.MIN_NORMAL, false));
        INDArray gx = dx.muli(perR), gy = dy.muli(perR);
        gradient.get(window(0, h - 1, 1, w)).addi(gx);
        gradient.get(window(1, h, 0, w - 1)).addi(gy);
        gradient.get(window(0, h - 1, 0, w - 1)).subi(gx).subi(gy);
        return new Loss(ofR.value(), gradient);
    }

    /** Every image, every channel, and {@code [from, to)} along {@code axis} (2 rows, 3 columns). */
    private static INDArrayIndex[] range(int axis, long from, long to) {
        INDArrayIndex[] index = {NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()};
        index[axis] = NDArrayIndex.interval(from, to);
        return index;
    }

    /** Every image, every channel, rows {@code [top, bottom)} and columns {@code [left, right)}. */
    private static INDArrayIndex[] window(long top, long bottom, long left, long right) {
        return new INDArrayIndex[]{NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(top, bottom),
                NDArrayIndex.interval(left, right)};
    }
}
