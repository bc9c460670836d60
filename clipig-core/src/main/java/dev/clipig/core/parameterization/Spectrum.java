package dev.clipig.core.parameterization;

import dev.clipig.clip.runtime.Workspaces;
import dev.clipig.core.transforms.SeparableMap;
import dev.clipig.core.transforms.Size;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The fft parameterization: per channel, the coefficients [H, W] of the real 2-D Fourier basis
 * ({@link FourierBasis} along rows and columns), each scaled by 1/max(1, f)^decay where f is its
 * frequency in cycles per image, summed into an image and mapped to pixels by a {@link ColorOutput}.
 *
 * <p>The scaling gives every frequency the same influence on the loss per unit of its parameter's
 * change relative to natural images' spectrum, so a step moves coarse structure as readily as fine;
 * on raw pixels the high frequencies, being most of the parameters, win and the image turns to noise.
 */
final class Spectrum implements Parameterization {
    private final double decay;
    private final ColorOutput output;
    private final Map<Size, Matrices> cache = new HashMap<>();

    Spectrum(double decay, ColorOutput output) {
        this.decay = decay;
        this.output = output;
    }

    /** The synthesis and analysis maps of one size, and the scale of each coefficient, [1, H·W]. */
    private record Matrices(SeparableMap synthesis, SeparableMap adjoint, SeparableMap analysis, INDArray scale) {
    }

    @Override
    public long[] shape(Size size) {
        return new long[] {3, size.height(), size.width()};
    }

    @Override
    public INDArray pixels(INDArray params, Size size) {
        Matrices m = matrices(size);
        INDArray scaled = perPixel(params).mulRowVector(m.scale.castTo(params.dataType()));
        return output.forward(image(m.synthesis.apply(batch(scaled, size))));
    }

    @Override
    public INDArray backward(INDArray pixels, INDArray gradient, Size size) {
        Matrices m = matrices(size);
        INDArray values = output.backward(pixels, gradient);
        INDArray coefficients = perPixel(image(m.adjoint.apply(batch(values, size))));
        return coefficients.muliRowVector(m.scale.castTo(coefficients.dataType())).reshape(shape(size));
    }

    @Override
    public INDArray project(INDArray pixels) {
        Size size = new Size((int) pixels.size(2), (int) pixels.size(1));
        Matrices m = matrices(size);
        INDArray coefficients = perPixel(image(m.analysis.apply(batch(output.inverse(pixels), size))));
        return coefficients.diviRowVector(m.scale.castTo(coefficients.dataType())).reshape(shape(size));
    }

    /** The coefficients two sizes share carried over, the others zero: a band-limited resampling. */
    @Override
    public INDArray resize(INDArray params, Size from, Size to) {
        if (from.equals(to)) return params;
        INDArray resized = Nd4j.zeros(params.dataType(), shape(to));
        int h = Math.min(from.height(), to.height()), w = Math.min(from.width(), to.width());
        INDArrayIndex[] block = {NDArrayIndex.all(), NDArrayIndex.interval(0, h), NDArrayIndex.interval(0, w)};
        resized.get(block).assign(params.get(block));
        return resized;
    }

    private Matrices matrices(Size size) {
        return cache.computeIfAbsent(size, s -> Workspaces.outside(() -> {
            INDArray rows = FourierBasis.synthesis(s.height()), columns = FourierBasis.synthesis(s.width());
            double[] scale = new double[s.pixels()];
            for (int y = 0; y < s.height(); y++) {
                for (int x = 0; x < s.width(); x++) {
                    double f = Math.hypot(FourierBasis.frequency(y), FourierBasis.frequency(x));
                    scale[y * s.width() + x] = 1 / Math.pow(Math.max(1, f), decay);
                }
            }
            return new Matrices(new SeparableMap(rows, columns), new SeparableMap(rows, columns).transpose(),
                    new SeparableMap(FourierBasis.analysis(s.height()), FourierBasis.analysis(s.width())),
                    Nd4j.createFromArray(scale).reshape(1, s.pixels()));
        }));
    }

    /** [3, H, W] as [3, H·W]. */
    private static INDArray perPixel(INDArray chw) {
        return chw.dup('c').reshape(3, chw.length() / 3);
    }

    private static INDArray batch(INDArray channels, Size size) {
        return channels.reshape(1, 3, size.height(), size.width());
    }

    private static INDArray image(INDArray batch) {
        return batch.reshape(batch.size(1), batch.size(2), batch.size(3));
    }
}
