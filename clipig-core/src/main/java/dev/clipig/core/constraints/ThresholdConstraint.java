package dev.clipig.core.constraints;

import dev.clipig.core.transforms.Channels;
import dev.clipig.core.transforms.GaussianBlur;
import dev.clipig.core.transforms.Pass;
import dev.clipig.core.transforms.SeparableMap;
import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.StepContext;
import dev.clipig.core.transforms.VectorParam;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Pulls a per-channel statistic of each image to {@code above} or {@code below}: the loss of
 * {@code above - value} and of {@code value - below}, times the reference's factor. As in the
 * reference's newest code, each side pulls from both directions: {@code below: .01} also raises a
 * value under .01. (Its docs and earlier code took only the shortfall and the excess.)
 */
public final class ThresholdConstraint implements Constraint {

    private final Measure measure;
    private final VectorParam above;
    private final VectorParam below;
    private final LossFunction lossFunction;
    private final double factor;

    /**
     * @param above  the lower bound per channel (1 or 3 values), or null
     * @param below  the upper bound per channel, or null; at least one of the two is given
     * @param factor the reference's fixed weight of this kind of constraint
     */
    private ThresholdConstraint(String name, Measure measure, VectorParam above, VectorParam below,
                                LossFunction lossFunction, double factor) {
        if (above == null && below == null) {
            throw new IllegalArgumentException("constraint " + name + " needs 'above' or 'below'");
        }
        if (above != null) above.require(3, name + " above");
        if (below != null) below.require(3, name + " below");
        this.measure = measure;
        this.above = above;
        this.below = below;
        this.lossFunction = lossFunction;
        this.factor = factor;
    }

    /** The mean of each channel. */
    public static ThresholdConstraint mean(VectorParam above, VectorParam below, LossFunction loss) {
        return new ThresholdConstraint("mean", ThresholdConstraint::mean, above, below, loss, 100);
    }

    /** The standard deviation of each channel (with Bessel's correction, as torch's {@code std}). */
    public static ThresholdConstraint std(VectorParam above, VectorParam below, LossFunction loss) {
        return new ThresholdConstraint("std", ThresholdConstraint::std, above, below, loss, 100);
    }

    /** The mean distance of each channel to the mean of the three channels. */
    public static ThresholdConstraint saturation(VectorParam above, VectorParam below, LossFunction loss) {
        return new ThresholdConstraint("saturation", ThresholdConstraint::saturation, above, below, loss, 100);
    }

    /** The mean of the pixels above a channel's mean less the mean of those below it. */
    public static ThresholdConstraint contrast(VectorParam above, VectorParam below, LossFunction loss) {
        return new ThresholdConstraint("contrast", ThresholdConstraint::contrast, above, below, loss, 1);
    }

    /** The mean absolute difference of each channel to its Gaussian blur. */
    public static ThresholdConstraint edgeMean(VectorParam kernelSize, VectorParam sigma,
                                               VectorParam above, VectorParam below, LossFunction loss) {
        kernelSize.require(2, "edge_mean kernel_size");
        Measure edges = (images, ctx) -> {
            Size size = new Size((int) images.size(3), (int) images.size(2));
            SeparableMap blur = GaussianBlur.map(size, kernelSize, sigma, ctx.step());
            INDArray difference = blur.apply(images).subi(images);
            INDArray sign = Transforms.sign(difference, true);
            return new Pass(Transforms.abs(difference, true).mean(2, 3), g -> {
                INDArray h = sign.mul(g.reshape(g.size(0), 3, 1, 1)).divi(size.pixels());
                return blur.transpose().apply(h).subi(h);
            });
        };
        return new ThresholdConstraint("edge_mean", edges, above, below, loss, 100);
    }

    @Override
    public Loss loss(INDArray images, StepContext ctx) {
        Pass values = measure.measure(images, ctx);
        INDArray v = values.output();
        INDArray gradValues = Nd4j.zerosLike(v);
        double total = 0;
        if (above != null) {
            Loss under = lossFunction.of(channels(above, ctx, v).subi(v));
            total += under.value();
            gradValues.subi(under.gradient());
        }
        if (below != null) {
            Loss over = lossFunction.of(v.sub(channels(below, ctx, v)));
            total += over.value();
            gradValues.addi(over.gradient());
        }
        return new Loss(factor * total, values.backward(gradValues.muli(factor)));
    }

    /** The threshold of each channel, repeated over the batch. */
    private static INDArray channels(VectorParam threshold, StepContext ctx, INDArray like) {
        INDArray row = Channels.of(threshold.values(ctx.step(), 3), like.dataType()).reshape(1, 3);
        return row.repeat(0, like.size(0));
    }

    private static Pass mean(INDArray images, StepContext ctx) {
        double n = images.size(2) * images.size(3);
        return new Pass(images.mean(2, 3), g -> Nd4j.zerosLike(images).addi(g.reshape(g.size(0), 3, 1, 1).div(n)));
    }

    private static Pass std(INDArray images, StepContext ctx) {
        double n = images.size(2) * images.size(3);
        INDArray centered = images.sub(images.mean(true, 2, 3));
        INDArray std = Transforms.sqrt(centered.mul(centered).sum(2, 3).divi(n - 1), false);
        return new Pass(std, g -> centered.mul(g.div(std).divi(n - 1).reshape(g.size(0), 3, 1, 1)));
    }

    private static Pass saturation(INDArray images, StepContext ctx) {
        double n = images.size(2) * images.size(3);
        INDArray sign = Transforms.sign(images.mean(true, 1).sub(images), false);
        INDArray value = Transforms.abs(images.mean(true, 1).sub(images), false).mean(2, 3);
        return new Pass(value, g -> {
            INDArray weighted = sign.mul(g.reshape(g.size(0), 3, 1, 1)).divi(n);
            return weighted.neg().addi(weighted.sum(true, 1).divi(3));
        });
    }

    /**
     * Where rounding leaves one side of a channel's mean empty, the reference uses the mean of the
     * three channel means for that side instead.
     */
    private static Pass contrast(INDArray images, StepContext ctx) {
        double n = images.size(2) * images.size(3);
        INDArray mean = images.mean(true, 2, 3);
        INDArray high = images.gt(mean).castTo(images.dataType());
        INDArray low = images.lt(mean).castTo(images.dataType());
        INDArray highCount = high.sum(true, 2, 3), lowCount = low.sum(true, 2, 3);
        INDArray perPixel = high.div(Transforms.max(highCount, 1.0, true))
                .subi(low.div(Transforms.max(lowCount, 1.0, true)));
        // +1 where only the low side is empty, -1 where only the high side is: the overall mean's sign
        INDArray fallback = highCount.gt(0).castTo(images.dataType()).subi(lowCount.gt(0).castTo(images.dataType()))
                .reshape(images.size(0), 3);
        INDArray overall = mean.mean(1, 2, 3).reshape(images.size(0), 1);
        INDArray value = images.mul(perPixel).sum(2, 3).subi(fallback.mul(overall));
        return new Pass(value, g -> {
            INDArray viaOverall = g.mul(fallback).sum(true, 1).divi(-3 * n).reshape(g.size(0), 1, 1, 1);
            return perPixel.mul(g.reshape(g.size(0), 3, 1, 1)).addi(viaOverall);
        });
    }
}
