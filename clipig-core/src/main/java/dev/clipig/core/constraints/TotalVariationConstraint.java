package dev.clipig.core.constraints;

import dev.clipig.core.ConfigChoice;
import dev.clipig.core.transforms.StepContext;
import java.util.function.DoubleUnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
     * where r is (the subgradient l1 also takes at zero). A loop over a copy in a Java array:
     * ND4J's ops on the shifted windows, which are strided views, and the same loop reading
     * through NIO buffers were several times slower (docs/performance.md). Each operation is
     * rounded to the images' precision as those ops rounded it, so float images get the same
     * gradient to the bit.
     */
    private Loss isotropic(INDArray images) {
        int h = (int) images.size(2), w = (int) images.size(3), planes = (int) (images.size(0) * images.size(1));
        if (h < 2 || w < 2) return new Loss(0, images.ulike().assign(0));
        double[] x = images.dup('c').data().asDouble(), g = new double[x.length];
        DoubleUnaryOperator rounded = images.dataType() == DataType.FLOAT ? v -> (float) v : v -> v;
        double perImage = (double) images.size(1) * (h - 1) * (w - 1), sum = 0;
        for (int plane = 0; plane < planes; plane++) {
            for (int i = 0; i < h - 1; i++) {
                for (int j = 0; j < w - 1; j++) {
                    int at = (plane * h + i) * w + j;
                    double dx = rounded.applyAsDouble(x[at + 1] - x[at]), dy = rounded.applyAsDouble(x[at + w] - x[at]);
                    double r = rounded.applyAsDouble(Math.sqrt(rounded.applyAsDouble(
                            rounded.applyAsDouble(dx * dx) + rounded.applyAsDouble(dy * dy))));
                    sum += lossFunction.penalty(r);
                    double perR = rounded.applyAsDouble(lossFunction.slope(r, perImage, rounded) / Math.max(r, Float.MIN_NORMAL));
                    double gx = rounded.applyAsDouble(dx * perR), gy = rounded.applyAsDouble(dy * perR);
                    g[at + 1] = rounded.applyAsDouble(g[at + 1] + gx);
                    g[at + w] = rounded.applyAsDouble(g[at + w] + gy);
                    g[at] = rounded.applyAsDouble(rounded.applyAsDouble(g[at] - gx) - gy);
                }
            }
        }
        return new Loss(sum / perImage, Nd4j.create(g, images.shape(), 'c').castTo(images.dataType()));
    }

    /** Every image, every channel, and {@code [from, to)} along {@code axis} (2 rows, 3 columns). */
    private static INDArrayIndex[] range(int axis, long from, long to) {
        INDArrayIndex[] index = {NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()};
        index[axis] = NDArrayIndex.interval(from, to);
        return index;
    }
}
