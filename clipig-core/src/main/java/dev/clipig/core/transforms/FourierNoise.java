package dev.clipig.core.transforms;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The reference's {@code fnoise}: it adds normal noise of standard deviation {@code s = 15·std} to
 * the real and imaginary parts of each channel's real FFT (over its {@code n} pixels flattened, n
 * even) and transforms back. The inverse FFT is linear, so the image gains a Gaussian field: with
 * {@code ν_k = (-1)^k} its covariance is {@code (2s²/n)·I − (s²/n²)(11ᵀ + ννᵀ)}, as the DC and
 * Nyquist bins keep only their real part. It is drawn here from exactly that distribution, without
 * an FFT: {@code s·√(2/n)·(w − P w) + (s/n)(a·1 + b·ν)} with w white, P the projection onto 1 and
 * ν, and a, b standard normal. (For odd n, where the reference's inverse transform returns one
 * pixel too few and fails, there is no Nyquist bin and the ν terms drop.)
 */
public record FourierNoise(VectorParam std) implements PixelTransform, RandomTransform {

    public FourierNoise {
        std.require(3, "fnoise std");
    }

    @Override
    public Stage stage(Size input) {
        int n = input.pixels();
        boolean nyquist = n % 2 == 0;
        double[] signs = new double[n];
        for (int k = 0; k < n; k++) signs[k] = k % 2 == 0 ? 1 : -1;
        INDArray alternating = Nd4j.createFromArray(signs).reshape(1, n);
        return (x, ctx) -> {
            double[] s = std.values(ctx.step(), 3);
            long rows = x.size(0) * 3;
            INDArray nu = alternating.castTo(x.dataType());
            INDArray field = ctx.normal(x.dataType(), rows, n);
            INDArray ab = ctx.normal(x.dataType(), rows, 2).divi(n);
            field.subiColumnVector(field.mean(true, 1));
            if (nyquist) field.subi(field.mulRowVector(nu).mean(true, 1).mmul(nu));
            field.muli(Math.sqrt(2.0 / n)).addiColumnVector(ab.getColumn(0, true));
            if (nyquist) field.addi(ab.getColumn(1, true).mmul(nu));
            INDArray noise = field.reshape(x.size(0), 3, input.height(), input.width())
                    .muli(Channels.of(new double[] {15 * s[0], 15 * s[1], 15 * s[2]}, x.dataType()));
            return new Pass(noise.addi(x), g -> g);
        };
    }
}
