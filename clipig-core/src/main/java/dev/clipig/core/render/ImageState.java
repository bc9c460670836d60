package dev.clipig.core.render;

import dev.clipig.clip.image.ImageFiles;
import dev.clipig.clip.runtime.Workspaces;
import dev.clipig.core.config.ImageTensor;
import dev.clipig.core.config.InitSpec;
import dev.clipig.core.config.OptimizerKind;
import dev.clipig.core.optim.Optimizer;
import dev.clipig.core.parameterization.Parameterization;
import dev.clipig.core.transforms.Interpolation;
import dev.clipig.core.transforms.Resampling;
import dev.clipig.core.transforms.Size;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trained parameters with their optimizer, and the pixels [3, H, W] RGB they make; all follow
 * resolution changes. With CLIPig's pixel parameterization the pixels are the parameters.
 */
final class ImageState {
    private final Parameterization parameterization;
    private final Optimizer optimizer;
    private INDArray params;
    private Size size;
    private INDArray pixels;

    ImageState(Parameterization parameterization, INDArray params, Size size, Optimizer optimizer) {
        this.parameterization = parameterization;
        this.params = params;
        this.size = size;
        this.optimizer = optimizer;
        render();
    }

    /**
     * The start of a run: an image or inline pixels, scaled to width × height and projected into the
     * parameters, or noise, made at the init resolution and then scaled.
     */
    static ImageState initial(InitSpec init, Size size, OptimizerKind kind, Parameterization parameterization,
                              Interpolation interpolation, SplittableRandom random) {
        INDArray start;
        if (init.imageTensor().isPresent()) {
            ImageTensor t = init.imageTensor().get();
            start = Nd4j.create(t.toArray(), new long[] {t.channels(), t.height(), t.width()}, 'c');
        } else if (init.image().isPresent()) {
            start = read(Path.of(init.image().get()));
        } else {
            List<Integer> noise = init.resolution().orElse(List.of(size.width(), size.height()));
            Size noiseSize = new Size(noise.get(0), noise.size() > 1 ? noise.get(1) : noise.get(0));
            ImageState state = new ImageState(parameterization, parameterization.noise(init, noiseSize, random),
                    noiseSize, Optimizer.of(kind));
            state.resizeTo(size);
            return state;
        }
        // Pixels are scaled before the projection: a spectrum's own resampling would ring at a large change.
        INDArray scaled = Resampling.resizeImage(start, size, interpolation);
        return new ImageState(parameterization, parameterization.project(scaled), size, Optimizer.of(kind));
    }

    INDArray pixels() {
        return pixels;
    }

    /** What the optimizer trains; the pixels themselves with CLIPig's parameterization. */
    INDArray parameters() {
        return params;
    }

    Parameterization parameterization() {
        return parameterization;
    }

    Optimizer optimizer() {
        return optimizer;
    }

    /** The resolution of the pixels. */
    Size size() {
        return size;
    }

    /** Resamples the parameters, and the optimizer state with them, when the resolution changes. */
    void resizeTo(Size newSize) {
        if (newSize.equals(size)) return;
        Size old = size;
        params = parameterization.resize(params, old, newSize);
        optimizer.mapState(state -> parameterization.resize(state, old, newSize));
        size = newSize;
        render();
    }

    /** One optimizer step from the loss gradient with respect to the pixels. */
    void step(INDArray pixelGradient, double learnrate) {
        optimizer.step(params, parameterization.backward(pixels, pixelGradient, size), learnrate);
        render();
    }

    /**
     * Takes post-processed pixels: CLIPig's pixels become them; other parameterizations add the
     * projection of the change, so what post-processing left alone stays exactly as it was.
     */
    void postprocessed(INDArray processed) {
        if (parameterization.isPixels()) {
            params.assign(processed);
            return;
        }
        params.addi(parameterization.project(processed).subi(parameterization.project(pixels)));
        render();
    }

    /** The pixels outlive the step's workspace, so they are made outside it. */
    private void render() {
        pixels = Workspaces.outside(() -> parameterization.pixels(params, size));
    }

    private static INDArray read(Path file) {
        BufferedImage image = ImageFiles.read(file);
        int width = image.getWidth(), height = image.getHeight(), plane = width * height;
        float[] values = new float[3 * plane];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y), i = y * width + x;
                values[i] = (rgb >> 16 & 0xff) / 255f;
                values[plane + i] = (rgb >> 8 & 0xff) / 255f;
                values[2 * plane + i] = (rgb & 0xff) / 255f;
            }
        }
        return Nd4j.create(values, new long[] {3, height, width}, 'c').castTo(DataType.FLOAT);
    }
}
