package dev.clipig.core.transforms;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The reference's {@code fnoise}: it adds normal noise of standard deviation {@code s = 15·std} to
 * the real and imaginary parts of each channel's real FFT (over the {@code n} pixels flattened) and
 * transforms back. The inverse FFT is linear, so this adds the inverse FFT of complex white noise:
 * a real Gaussian field of variance {@code 2(n-1)s²/n²} whose pixels correlate only by
 * {@code -1/n} at even distances. It is drawn here directly as white noise of that variance.
 */
public record FourierNoise(VectorParam std) implements PixelTransform, RandomTransform {

    public FourierNoise {
        std.require(3, "fnoise std");
    }

    @Override
    public Stage stage(Size input) {
        double n = input.pixels();
        double scale = 15.0 * Math.sqrt(2 * (n - 1)) / n;
        return (x, ctx) -> {
            double[] s = std.values(ctx.step(), 3);
            for (int c = 0; c < 3; c++) s[c] *= scale;
            INDArray noisy = ctx.normal(x.dataType(), x.shape()).muli(Channels.of(s, x.dataType())).addi(x);
            return new Pass(noisy, g -> g);
        };
    }
}
