package dev.clipig.core.constraints;

import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The reference's constraint losses: the mean absolute or mean squared difference per image. */
public enum LossFunction {
    /** {@code l1} or {@code mae}. */
    L1,
    /** {@code l2} or {@code mse}. */
    L2;

    /** @throws IllegalArgumentException for a name other than l1, mae, l2 or mse */
    public static LossFunction of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "l1", "mae" -> L1;
            case "l2", "mse" -> L2;
            default -> throw new IllegalArgumentException(
                    "unknown loss function '" + name + "', expected one of l1, mae, l2, mse");
        };
    }

    /**
     * The loss of a batch of differences {@code [B, ...]}: each image's mean, summed over the batch,
     * with the gradient with respect to the differences.
     */
    public Loss of(INDArray difference) {
        double perImage = difference.length() / (double) difference.size(0);
        return switch (this) {
            case L1 -> new Loss(Transforms.abs(difference, true).sumNumber().doubleValue() / perImage,
                    Transforms.sign(difference, true).divi(perImage));
            case L2 -> new Loss(difference.mul(difference).sumNumber().doubleValue() / perImage,
                    difference.mul(2 / perImage));
        };
    }
}
