package dev.clipig.core.transforms;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Per-channel values shaped {@code [1, 3, 1, 1]}, so that they broadcast over a batch of images. */
public final class Channels {

    /** ITU-R 601 luma weights, as torchvision's {@code rgb_to_grayscale} uses them. */
    static final double[] LUMA = {0.2989, 0.587, 0.114};

    private Channels() {
    }

    public static INDArray of(double[] rgb, DataType type) {
        if (rgb.length != 3) throw new IllegalArgumentException("need 3 channel values, got " + rgb.length);
        return Nd4j.createFromArray(rgb).reshape(1, 3, 1, 1).castTo(type);
    }

    /** The grayscale image {@code [B, 1, H, W]} of a batch {@code [B, 3, H, W]}. */
    static INDArray luma(INDArray images) {
        return images.mul(of(LUMA, images.dataType())).sum(true, 1);
    }

    /** The gradient of {@link #luma} with respect to the color images, given one for the gray ones. */
    static INDArray lumaBackward(INDArray gradGray) {
        return gradGray.mul(of(LUMA, gradGray.dataType()));
    }
}
