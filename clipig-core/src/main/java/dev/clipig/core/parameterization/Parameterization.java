package dev.clipig.core.parameterization;

import dev.clipig.core.config.InitSpec;
import dev.clipig.core.config.ParameterizationSpec;
import dev.clipig.core.transforms.Interpolation;
import dev.clipig.core.transforms.Size;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the optimizer trains, and how it becomes the pixels [3, H, W] the targets look at. Every
 * parameter array has the three channels first; its other dimensions depend on the kind.
 *
 * <p>The map is differentiable ({@link #backward}) and, on the pixels it can reach, invertible
 * ({@link #project}), so that an init image and post-processed pixels can be taken back into the
 * parameters. An instance caches the matrices of the sizes it meets; one belongs to one run.
 */
public interface Parameterization {

    /** The parameterization the config asks for; images are resampled with {@code interpolation}. */
    static Parameterization of(ParameterizationSpec spec, Interpolation interpolation) {
        return switch (spec.kind()) {
            case PIXELS -> new Pixels(interpolation);
            case FFT -> new Spectrum(spec.decay(), new ColorOutput(spec.decorrelate(), spec.sigmoid()));
            case PYRAMID -> new Pyramid(spec.levels(), interpolation, new ColorOutput(spec.decorrelate(), spec.sigmoid()));
        };
    }

    /** Whether the parameters are the pixels themselves (CLIPig's way). */
    default boolean isPixels() {
        return false;
    }

    /** The shape of the parameters of an image of this size. */
    long[] shape(Size size);

    /** The pixels [3, H, W] of {@code params}. */
    INDArray pixels(INDArray params, Size size);

    /**
     * The loss gradient with respect to the parameters.
     *
     * @param pixels   what {@link #pixels} made of the parameters
     * @param gradient the loss gradient with respect to those pixels
     */
    INDArray backward(INDArray pixels, INDArray gradient, Size size);

    /** Parameters whose pixels are {@code pixels}, as far as the map reaches them (a sigmoid never gives 0 or 1). */
    INDArray project(INDArray pixels);

    /** Parameters of one size, or optimizer state of their shape, carried over to an image of another. */
    INDArray resize(INDArray params, Size from, Size to);

    /**
     * The start of a run without an init image: the mean colour projected into the parameters, and
     * normal noise of each channel's std added to every parameter of that channel.
     */
    default INDArray noise(InitSpec init, Size size, SplittableRandom random) {
        int plane = size.pixels();
        float[] mean = new float[3 * plane];
        for (int c = 0; c < 3; c++) Arrays.fill(mean, c * plane, (c + 1) * plane, init.mean().get(c).floatValue());
        INDArray params = project(Nd4j.create(mean, new long[] {3, size.height(), size.width()}, 'c')).dup('c');
        INDArray channels = params.reshape(3, params.length() / 3);
        for (int c = 0; c < 3; c++) {
            double std = init.std().get(c);
            for (long i = 0; i < channels.size(1); i++) {
                channels.putScalar(c, i, channels.getDouble(c, i) + std * random.nextGaussian());
            }
        }
        return params;
    }
}
