package dev.clipig.clip.image;

/**
 * PIL's bicubic resampling weights for one axis (a = -0.5, support 2): each output pixel is a
 * weighted sum of the input pixels within {@code 2 × max(1, scale)} of its centre, so that
 * shrinking averages (antialiases) instead of skipping pixels. Computed exactly as Pillow's
 * {@code precompute_coeffs}, in doubles and the same order, so that the weights, and their 22-bit
 * fixed-point forms, are bit for bit Pillow's.
 *
 * @param first  first input pixel of each output pixel
 * @param count  number of input pixels of each output pixel
 * @param stride weights per output pixel in {@code weights}
 */
record ResampleWeights(int[] first, int[] count, int stride, double[] weights) {
    private static final double SUPPORT = 2.0;
    /** Fraction bits of the 8-bit path's fixed-point weights, Pillow's {@code PRECISION_BITS}. */
    static final int PRECISION_BITS = 32 - 8 - 2;

    static ResampleWeights bicubic(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = SUPPORT * filterScale;
        int stride = (int) Math.ceil(support) * 2 + 1;
        int[] first = new int[outSize];
        int[] count = new int[outSize];
        double[] weights = new double[outSize * stride];
        for (int out = 0; out < outSize; out++) {
            double center = (out + 0.5) * scale;
            double inverseScale = 1.0 / filterScale;
            int min = Math.max((int) (center - support + 0.5), 0);
            int n = Math.min((int) (center + support + 0.5), inSize) - min;
            double total = 0.0;
            for (int i = 0; i < n; i++) {
                double w = cubic((i + min - center + 0.5) * inverseScale);
                weights[out * stride + i] = w;
                total += w;
            }
            for (int i = 0; i < n; i++) {
                if (total != 0.0) {
                    weights[out * stride + i] /= total;
                }
            }
            first[out] = min;
            count[out] = n;
        }
        return new ResampleWeights(first, count, stride, weights);
    }

    /** Keys' cubic convolution kernel with a = -0.5. */
    private static double cubic(double x) {
        final double a = -0.5;
        x = Math.abs(x);
        if (x < 1.0) {
            return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0.0;
    }

    /** The weights in fixed point with {@link #PRECISION_BITS} fraction bits, rounded away from 0. */
    int[] fixedPoint() {
        int[] fixed = new int[weights.length];
        for (int i = 0; i < weights.length; i++) {
            double scaled = weights[i] * (1 << PRECISION_BITS);
            fixed[i] = (int) (weights[i] < 0 ? -0.5 + scaled : 0.5 + scaled);
        }
        return fixed;
    }
}
