package dev.clipig.core.transforms;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * torchvision's {@code gaussian_blur}: a separable Gaussian kernel over a reflected border, written
 * as a {@link SeparableMap}. Kernel sizes are made odd and positive and sigmas at least 0.0001, as
 * the reference does; a missing sigma is {@code 0.3·((k-1)/2 - 1) + 0.8}.
 */
public final class GaussianBlur {

    private GaussianBlur() {
    }

    /**
     * @param kernel {@code [width, height]} of the kernel
     * @param sigma  {@code [x, y]} standard deviations, or null for the default of the kernel size
     */
    public static SeparableMap map(Size image, double[] kernel, double[] sigma) {
        int kx = oddSize(kernel[0]), ky = oddSize(kernel[1]);
        double sx = sigma == null ? defaultSigma(kx) : Math.max(1e-4, sigma[0]);
        double sy = sigma == null ? defaultSigma(ky) : Math.max(1e-4, sigma[1]);
        return new SeparableMap(matrix(image.height(), ky, sy), matrix(image.width(), kx, sx));
    }

    /** The blur of an image from the per-step values of a kernel size and an optional sigma. */
    public static SeparableMap map(Size image, VectorParam kernel, VectorParam sigma, Step step) {
        return map(image, kernel.values(step, 2), sigma == null ? null : sigma.values(step, 2));
    }

    static int oddSize(double k) {
        int size = (int) k;
        return Math.max(1, size % 2 == 0 ? size + 1 : size);
    }

    static double defaultSigma(int k) {
        return 0.3 * ((k - 1) * 0.5 - 1) + 0.8;
    }

    static double[] kernel(int size, double sigma) {
        double[] k = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double x = i - (size - 1) / 2.0;
            k[i] = Math.exp(-0.5 * (x / sigma) * (x / sigma));
            sum += k[i];
        }
        for (int i = 0; i < size; i++) k[i] /= sum;
        return k;
    }

    /** The {@code [n, n]} matrix blurring one axis of length {@code n}, borders reflected. */
    static INDArray matrix(int n, int size, double sigma) {
        double[] k = kernel(size, sigma);
        double[][] m = new double[n][n];
        int radius = size / 2;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < size; t++) m[i][reflect(i + t - radius, n)] += k[t];
        }
        return Nd4j.createFromArray(m);
    }

    /** Mirror index without repeating the edge pixel, as torch's reflect padding. */
    static int reflect(int i, int n) {
        if (n == 1) return 0;
        int period = 2 * (n - 1), j = Math.floorMod(i, period);
        return j < n ? j : period - j;
    }
}
