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

    /** [N, in] → [N, out] */
    public INDArray forward(INDArray x) {
        INDArray y = Nd4j.gemm(x, weight, false, true);
        return bias == null ? y : y.addiRowVector(bias);
    }

    /** [N, out] → [N, in] */
    public INDArray backward(INDArray dy) {
        return Nd4j.gemm(dy, weight, false, false);
    }

    /** The same layer computing {@code scale · y}: the scale is folded into its weights, in place. */
    public Linear scaled(double scale) {
        weight.muli(scale);
        if (bias != null) bias.muli(scale);
        return this;
    }
}
