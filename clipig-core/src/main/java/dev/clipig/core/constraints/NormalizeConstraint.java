package dev.clipig.core.constraints;

import dev.clipig.core.transforms.StepContext;
import dev.clipig.core.transforms.VectorParam;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The difference between each image and its normalized version, times 10: each channel moved
 * linearly so that its lowest value becomes {@code min} and its highest {@code max}. The gradient
 * also flows through the normalization, the extremes included (into the first lowest and first
 * highest pixel, as torch's {@code min}/{@code max}); a flat channel keeps a range of 1.
 */
public record NormalizeConstraint(VectorParam min, VectorParam max, LossFunction lossFunction)
        implements Constraint {

    public NormalizeConstraint {
        min.require(3, "normalize min");
        max.require(3, "normalize max");
    }

    @Override
    public Loss loss(INDArray images, StepContext ctx) {
        double[] lo = min.values(ctx.step(), 3), hi = max.values(ctx.step(), 3);
        int batch = (int) images.size(0), n = (int) (images.size(2) * images.size(3));
        double[] x = images.dup('c').data().asDouble();
        double[] difference = new double[x.length];
        int[][] extremes = new int[batch * 3][];
        double[][] scales = new double[batch * 3][];
        for (int plane = 0; plane < batch * 3; plane++) {
            int c = plane % 3, from = plane * n, argMin = from, argMax = from;
            for (int i = from; i < from + n; i++) {
                if (x[i] < x[argMin]) argMin = i;
                if (x[i] > x[argMax]) argMax = i;
            }
            double range = x[argMax] - x[argMin];
            boolean flat = range == 0;
            double s = (hi[c] - lo[c]) / (flat ? 1 : range);
            for (int i = from; i < from + n; i++) difference[i] = x[i] - (lo[c] + (x[i] - x[argMin]) * s);
            extremes[plane] = new int[]{argMin, argMax};
            scales[plane] = new double[]{s, flat ? 0 : (hi[c] - lo[c]) / (range * range)};
        }
        Loss loss = lossFunction.of(Nd4j.createFromArray(difference).reshape(images.shape()));
        double[] g = loss.gradient().dup('c').data().asDouble();
        double[] grad = new double[x.length];
        for (int plane = 0; plane < batch * 3; plane++) {
            int from = plane * n, argMin = extremes[plane][0], argMax = extremes[plane][1];
            double s = scales[plane][0], r = scales[plane][1], sum = 0, moment = 0;
            for (int i = from; i < from + n; i++) {
                sum += g[i];
                moment += g[i] * (x[i] - x[argMin]);
                grad[i] = (1 - s) * g[i];
            }
            grad[argMin] += s * sum - r * moment;
            grad[argMax] += r * moment;
        }
        INDArray gradient = Nd4j.createFromArray(grad).reshape(images.shape()).castTo(images.dataType());
        return new Loss(10 * loss.value(), gradient.muli(10));
    }
}
