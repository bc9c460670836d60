package dev.clipig.core.parameterization;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.inverse.InvertMatrix;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The last stage of the fft and pyramid parameterizations, from the unbounded values they sum to
 * the pixels: optionally a mix of decorrelated colour channels into RGB, then a sigmoid to [0, 1]
 * (or, without it, an offset of 0.5, so that zero parameters are mid grey either way).
 *
 * <p>The mix is the square root of natural images' colour covariance that Lucid published, scaled
 * so that its largest column has unit norm: moving one parameter channel moves the colour along
 * a direction natural images vary in, which keeps the optimizer from inventing colour noise.
 */
record ColorOutput(boolean decorrelate, boolean sigmoid) {

    private static final double[][] COVARIANCE_SQRT = {{0.26, 0.09, 0.02}, {0.27, 0.00, -0.05}, {0.27, -0.09, 0.03}};

    /** The pixels are kept this far from 0 and 1 where a sigmoid is inverted. */
    private static final double MARGIN = 1e-5;

    /** The pixels [3, H, W] of the summed values [3, H, W]. */
    INDArray forward(INDArray values) {
        INDArray mixed = decorrelate ? mix(mixing(values), values) : values.dup();
        return sigmoid ? Transforms.sigmoid(mixed, false) : mixed.addi(0.5);
    }

    /** The gradient with respect to the summed values, from the pixels {@link #forward} made and their gradient. */
    INDArray backward(INDArray pixels, INDArray gradient) {
        INDArray g = sigmoid ? gradient.mul(pixels).muli(pixels.rsub(1.0)) : gradient.dup();
        return decorrelate ? mix(mixing(g).transpose(), g) : g;
    }

    /** The summed values whose pixels are {@code pixels}, clamped into the sigmoid's open range. */
    INDArray inverse(INDArray pixels) {
        INDArray linear;
        if (sigmoid) {
            INDArray p = Transforms.min(Transforms.max(pixels, MARGIN, true), 1 - MARGIN, false);
            linear = Transforms.log(p.div(p.rsub(1.0)), false);
        } else {
            linear = pixels.sub(0.5);
        }
        return decorrelate ? mix(inverseMixing(pixels), linear) : linear;
    }

    /** {@code matrix} [3, 3] applied to the channels of {@code chw}. */
    private static INDArray mix(INDArray matrix, INDArray chw) {
        return matrix.mmul(chw.dup('c').reshape(3, chw.length() / 3)).reshape(chw.shape());
    }

    private static INDArray mixing(INDArray like) {
        double largest = 0;
        for (int column = 0; column < 3; column++) {
            double norm = 0;
            for (double[] row : COVARIANCE_SQRT) norm += row[column] * row[column];
            largest = Math.max(largest, Math.sqrt(norm));
        }
        return Nd4j.createFromArray(COVARIANCE_SQRT).div(largest).castTo(like.dataType());
    }

    private static INDArray inverseMixing(INDArray like) {
        return InvertMatrix.invert(mixing(like).castTo(DataType.DOUBLE), false).castTo(like.dataType());
    }
}
