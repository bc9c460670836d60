package dev.clipig.core.transforms;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Resizing of whole images with torch's {@code interpolate} filters (pixel centers aligned, no
 * antialiasing), the reference's {@code interpolation} setting: used when the training resolution
 * changes, for the pixels and the optimizer state alike.
 */
public final class Resampling {

    /** torch's bicubic coefficient. */
    private static final double A = -0.75;

    private Resampling() {
    }

    /** @param images {@code [B, C, H, W]} with any number of channels */
    public static INDArray resize(INDArray images, Size to, Interpolation interpolation) {
        Size from = new Size((int) images.size(3), (int) images.size(2));
        return from.equals(to) ? images.dup() : map(from, to, interpolation).apply(images);
    }

    /** One image {@code [C, H, W]} at another size, in its own data type; the image itself if the size is its own. */
    public static INDArray resizeImage(INDArray chw, Size to, Interpolation interpolation) {
        if (to.equals(new Size((int) chw.size(2), (int) chw.size(1)))) return chw;
        INDArray batch = chw.reshape(1, chw.size(0), chw.size(1), chw.size(2));
        return resize(batch, to, interpolation).reshape(chw.size(0), to.height(), to.width()).castTo(chw.dataType());
    }

    public static SeparableMap map(Size from, Size to, Interpolation interpolation) {
        return new SeparableMap(matrix(from.height(), to.height(), interpolation),
                matrix(from.width(), to.width(), interpolation));
    }

    /** The {@code [to, from]} matrix that resizes one axis. */
    static INDArray matrix(int from, int to, Interpolation interpolation) {
        double[][] m = new double[to][from];
        double scale = from / (double) to;
        for (int i = 0; i < to; i++) {
            switch (interpolation) {
                case NEAREST -> m[i][Math.min(from - 1, (int) Math.floor(i * scale))] = 1;
                case LINEAR -> {
                    double src = Math.max(0, (i + 0.5) * scale - 0.5);
                    int i0 = Math.min(from - 1, (int) Math.floor(src));
                    double t = src - i0;
                    m[i][i0] += 1 - t;
                    m[i][Math.min(from - 1, i0 + 1)] += t;
                }
                case CUBIC -> {
                    double src = (i + 0.5) * scale - 0.5;
                    int i0 = (int) Math.floor(src);
                    double t = src - i0;
                    double[] w = {far(t + 1), near(t), near(1 - t), far(2 - t)};
                    for (int k = 0; k < 4; k++) m[i][Math.max(0, Math.min(from - 1, i0 - 1 + k))] += w[k];
                }
            }
        }
        return Nd4j.createFromArray(m);
    }

    private static double near(double x) {
        return ((A + 2) * x - (A + 3)) * x * x + 1;
    }

    private static double far(double x) {
        return ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;
    }
}
