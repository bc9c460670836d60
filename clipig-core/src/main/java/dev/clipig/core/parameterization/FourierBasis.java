package dev.clipig.core.parameterization;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The real Fourier basis of signals of length n, as the columns of an [n, n] matrix: column 0 is
 * the constant, then cos and sin of each frequency k = 1, 2, … in turn (for even n the last column
 * is the cosine at k = n/2, the alternating signal). Column j has frequency {@code (j + 1) / 2}
 * cycles per signal, whatever n is; so a coefficient means the same wave at every length, and
 * resampling the coefficients is keeping the columns two lengths share and zeroing the others.
 *
 * <p>A real DFT as one matrix product: at the image sizes here (up to a few hundred) a GEMM is
 * exact, fast and its transpose is the backward pass.
 */
final class FourierBasis {
    private FourierBasis() {
    }

    /** The frequency of column j, in cycles per signal. */
    static int frequency(int column) {
        return (column + 1) / 2;
    }

    /** The [n, n] synthesis matrix, unnormalized: each wave has amplitude 1. */
    static INDArray synthesis(int n) {
        double[][] m = new double[n][n];
        for (int x = 0; x < n; x++) {
            for (int j = 0; j < n; j++) {
                double phase = 2 * Math.PI * frequency(j) * x / n;
                m[x][j] = j % 2 == 1 || j == 0 ? Math.cos(phase) : Math.sin(phase);
            }
        }
        return Nd4j.createFromArray(m);
    }

    /**
     * The inverse of {@link #synthesis}: its transpose with each row divided by its column's squared
     * norm (the columns are orthogonal; n for the constant and the alternating signal, n/2 otherwise).
     */
    static INDArray analysis(int n) {
        INDArray basis = synthesis(n);
        INDArray norms = basis.mul(basis).sum(0).reshape(n, 1);
        return basis.transpose().divColumnVector(norms);
    }
}
