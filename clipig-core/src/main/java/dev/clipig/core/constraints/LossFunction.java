package dev.clipig.core.constraints;

import dev.clipig.core.ConfigChoice;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The reference's losses between current and desired value: {@code cosine} (features only,
 * {@code 1 - cosine}), mean absolute error ({@code l1}/{@code mae}) or mean squared error
 * ({@code l2}/{@code mse}).
 */
public enum LossFunction implements ConfigChoice {
    COSINE,
    L1 {
        @Override
        public List<String> spellings() {
            return List.of("l1", "mae");
        }
    },
    L2 {
        @Override
        public List<String> spellings() {
            return List.of("l2", "mse");
        }
    };

    /** The distances, which constraints take: they compare pixels with numbers. */
    public static final LossFunction[] DISTANCES = {L1, L2};

    /** @throws IllegalArgumentException for a name that is none of the spellings, in any case */
    public static LossFunction of(String name) {
        return ConfigChoice.find(values(), name.toLowerCase(Locale.ROOT)).orElseThrow(() -> new IllegalArgumentException(
                "unknown loss function '" + name + "', expected one of "
                        + String.join(", ", ConfigChoice.spellings(values()))));
    }

    /**
     * The loss of a batch of differences {@code [B, ...]}: each image's mean, summed over the batch,
     * with the gradient with respect to the differences.
     *
     * @throws IllegalStateException for {@link #COSINE}, which compares directions, not differences
     */
    public Loss of(INDArray difference) {
        double perImage = difference.length() / (double) difference.size(0);
        return switch (this) {
            case L1 -> new Loss(Transforms.abs(difference, true).sumNumber().doubleValue() / perImage,
                    Transforms.sign(difference, true).divi(perImage));
            case L2 -> new Loss(difference.mul(difference).sumNumber().doubleValue() / perImage,
                    difference.mul(2 / perImage));
            case COSINE -> throw new IllegalStateException("the cosine loss compares features, not pixels");
        };
    }

    /**
     * One element's part of {@link #of}'s gradient, for loops over pixels: d(loss)/d(difference)
     * for an image of {@code perImage} differences, each operation's result passed through
     * {@code rounded} as {@link #of}'s ops round it in the array's precision.
     */
    public double slope(double difference, double perImage, DoubleUnaryOperator rounded) {
        return switch (this) {
            case L1 -> rounded.applyAsDouble(Math.signum(difference) / rounded.applyAsDouble(perImage));
            case L2 -> rounded.applyAsDouble(difference * rounded.applyAsDouble(2 / perImage));
            case COSINE -> throw new IllegalStateException("the cosine loss compares features, not pixels");
        };
    }

    /** One element's part of {@link #of}'s value, before the division by the image's size. */
    public double penalty(double difference) {
        return switch (this) {
            case L1 -> Math.abs(difference);
            case L2 -> difference * difference;
            case COSINE -> throw new IllegalStateException("the cosine loss compares features, not pixels");
        };
    }
}
