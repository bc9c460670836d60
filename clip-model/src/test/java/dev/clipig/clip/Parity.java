package dev.clipig.clip;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How close an output is to its reference, row by row ([B, ...] flattened per row): the largest
 * absolute error relative to the reference's largest absolute value, and the smallest row cosine.
 *
 * @param worstRow the row of {@code minCosine}
 */
record Parity(double relativeError, double minCosine, int worstRow) {

    static Parity of(INDArray expected, INDArray actual) {
        INDArray e = expected.reshape(expected.size(0), -1), a = actual.reshape(actual.size(0), -1);
        double relative = e.sub(a).amaxNumber().doubleValue() / e.amaxNumber().doubleValue();
        double minCosine = Double.POSITIVE_INFINITY;
        int worst = -1;
        for (int r = 0; r < e.size(0); r++) {
            INDArray x = e.getRow(r), y = a.getRow(r);
            double cos = x.mul(y).sumNumber().doubleValue() / (x.norm2Number().doubleValue() * y.norm2Number().doubleValue());
            if (!(cos >= minCosine)) {
                minCosine = cos;
                worst = r;
            }
        }
        return new Parity(relative, minCosine, worst);
    }
}
