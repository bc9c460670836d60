package dev.clipig.core.parameterization;

import dev.clipig.core.transforms.Interpolation;
import dev.clipig.core.transforms.Resampling;
import dev.clipig.core.transforms.Size;
import org.nd4j.linalg.api.ndarray.INDArray;

/** CLIPig's own parameterization: the pixels [3, H, W] are the parameters. */
final class Pixels implements Parameterization {
    private final Interpolation interpolation;

    Pixels(Interpolation interpolation) {
        this.interpolation = interpolation;
    }

    @Override
    public boolean isPixels() {
        return true;
    }

    @Override
    public long[] shape(Size size) {
        return new long[] {3, size.height(), size.width()};
    }

    /** The parameters themselves, not a copy: post-processing edits them in place. */
    @Override
    public INDArray pixels(INDArray params, Size size) {
        return params;
    }

    @Override
    public INDArray backward(INDArray pixels, INDArray gradient, Size size) {
        return gradient;
    }

    @Override
    public INDArray project(INDArray pixels) {
        return pixels;
    }

    @Override
    public INDArray resize(INDArray params, Size from, Size to) {
        return Resampling.resizeImage(params, to, interpolation);
    }
}
