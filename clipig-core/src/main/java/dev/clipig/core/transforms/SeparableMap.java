package dev.clipig.core.transforms;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A linear image map that acts on rows and columns separately, {@code Y = R · X · Cᵀ} for every
 * channel image {@code X}: resizing and Gaussian blurring are of this kind. As matrix products it
 * runs in BLAS, and its transpose is its backward pass.
 *
 * @param rows    {@code [H_out, H_in]}
 * @param columns {@code [W_out, W_in]}
 */
public record SeparableMap(INDArray rows, INDArray columns) {

    public SeparableMap {
        if (rows.rank() != 2 || columns.rank() != 2) throw new IllegalArgumentException("need two matrices");
    }

    /** @param images {@code [B, C, H_in, W_in]}; returns {@code [B, C, H_out, W_out]} */
    public INDArray apply(INDArray images) {
        long b = images.size(0), c = images.size(1), n = b * c;
        long hIn = rows.size(1), wIn = columns.size(1), hOut = rows.size(0), wOut = columns.size(0);
        INDArray r = rows.castTo(images.dataType()), cols = columns.castTo(images.dataType());
        INDArray alongRows = images.reshape('c', n * hIn, wIn).mmul(cols.transpose());
        INDArray transposed = alongRows.reshape(n, hIn, wOut).permute(0, 2, 1).dup('c').reshape(n * wOut, hIn);
        INDArray both = transposed.mmul(r.transpose());
        return both.reshape(n, wOut, hOut).permute(0, 2, 1).dup('c').reshape(b, c, hOut, wOut);
    }

    public SeparableMap transpose() {
        return new SeparableMap(rows.transpose().dup('c'), columns.transpose().dup('c'));
    }
}
