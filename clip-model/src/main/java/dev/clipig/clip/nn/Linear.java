package dev.clipig.clip.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected layer {@code y = x Wᵀ + b} with frozen weights. Its backward is the input
 * gradient alone, {@code dx = dy W}: no weight gradient is ever formed.
 *
 * @param weight [out, in], as PyTorch stores it
 * @param bias   [out], or null for none
 */
public record Linear(INDArray weight, INDArray bias) {

    public Linear {
        if (weight.rank() != 2) throw new IllegalArgumentException("weight must be [out, in]");
        if (bias != null && bias.length() != weight.size(0)) {
            throw new IllegalArgumentException("bias length " + bias.length() + " != out " + weight.size(0));
        }
    }

    /**
     * [N, in] → [N, out]. The bias is written first and the product added onto it, which spares
     * both the BLAS's zeroing of the output and a pass that adds the bias afterwards.
     */
    public INDArray forward(INDArray x) {
        if (bias == null) return Nd4j.gemm(x, weight, false, true);
        INDArray y = Nd4j.createUninitialized(x.dataType(), x.size(0), bias.length()).putiRowVector(bias);
        return Nd4j.gemm(x, weight, y, false, true, 1.0, 1.0);
    }

    /** [N, out] → [N, in] */
    public INDArray backward(INDArray dy) {
        return Nd4j.gemm(dy, weight, false, false);
    }
}
