package dev.clipig.core.constraints;

import dev.clipig.core.ConfigChoice;
import dev.clipig.core.transforms.Plane;
import dev.clipig.core.transforms.StepContext;
import java.util.function.DoubleUnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

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
     * Forward differences at every pixel that has a right and a lower neighbour. The backward of
     * {@code r = |(dx, dy)|} is {@code (dx, dy) / r} times the loss's gradient in {@code r}, zero
     * where r is (the subgradient l1 also takes at zero). A loop over the pixels: ND4J's ops on
     * the shifted windows, which are strided views, took 8-27 ms for sixteen 64-px views, a tenth
     * to a third of the toy recipe's step (docs/performance.md). Each operation is rounded as
     * those ops rounded it, so float images get the same gradient to the bit.
     */
    private Loss isotropic(INDArray images) {
        int h = (int) images.size(2), w = (int) images.size(3), planes = (int) (images.size(0) * images.size(1));
        Plane x = Plane.of(images), g = Plane.zeros(images.dataType(), images.shape());
        if (h < 2 || w < 2) return new Loss(0, g.written());
        double perImage = (double) images.size(1) * (h - 1) * (w - 1), sum = 0;
        DoubleUnaryOperator rounded = x::rounded;
        for (int plane = 0; plane < planes; plane++) {
            for (int i = 0; i < h - 1; i++) {
                for (int j = 0; j < w - 1; j++) {
                    int at = (plane * h + i) * w + j;
                    double here = x.get(at);
                    double dx = x.rounded(x.get(at + 1) - here), dy = x.rounded(x.get(at + w) - here);
                    double r = x.rounded(Math.sqrt(x.rounded(x.rounded(dx * dx) + x.rounded(dy * dy))));
                    sum += lossFunction.penalty(r);
                    double perR = x.rounded(lossFunction.slope(r, perImage, rounded) / Math.max(r, Float.MIN_NORMAL));
                    double gx = x.rounded(dx * perR), gy = x.rounded(dy * perR);
                    g.add(at + 1, gx);
                    g.add(at + w, gy);
                    g.add(at, -gx);
                    g.add(at, -gy);
                }
            }
        }
        return new Loss(sum / perImage, g.written());
    }

    /** Every image, every channel, and {@code [from, to)} along {@code axis} (2 rows, 3 columns). */
    private static INDArrayIndex[] range(int axis, long from, long to) {
        INDArrayIndex[] index = {NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()};
        index[axis] = NDArrayIndex.interval(from, to);
        return index;
    }
}
