package dev.clipig.clip;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One vector-Jacobian product through the image encoder.
 *
 * @param features      the image features of the forward pass, [B, embed]
 * @param pixelGradient d(loss)/d(pixels), [B, 3, R, R]
 */
public record ImageGradient(INDArray features, INDArray pixelGradient) {
}
