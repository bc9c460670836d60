package dev.clipig.core.render;

import dev.clipig.clip.image.ImageFiles;
import dev.clipig.core.config.ImageTensor;
import dev.clipig.core.config.InitSpec;
import dev.clipig.core.config.OptimizerKind;
import dev.clipig.core.optim.Optimizer;
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

/** The trained pixels, [3, H, W] RGB, with their optimizer; both follow resolution changes. */
final class ImageState {
    private INDArray pixels;
    private final Optimizer optimizer;
    private final Interpolation interpolation;

    ImageState(INDArray pixels, Optimizer optimizer, Interpolation interpolation) {
        this.pixels = pixels;
        this.optimizer = optimizer;
        this.interpolation = interpolation;
    }

    /** The start of a run: an image, inline pixels, or per-channel noise, scaled to width × height. */
    static ImageState initial(InitSpec init, Size size, OptimizerKind kind, Interpolation interpolation,
                              SplittableRandom random) {
        INDArray start;
        if (init.imageTensor().isPresent()) {
            ImageTensor t = init.imageTensor().get();
            start = Nd4j.create(t.toArray(), new long[] {t.channels(), t.height(), t.width()}, 'c');
        } else if (init.image().isPresent()) {
            start = read(Path.of(init.image().get()));
        } else {
            List<Integer> noise = init.resolution().orElse(List.of(size.width(), size.height()));
            int w = noise.get(0), h = noise.size() > 1 ? noise.get(1) : noise.get(0);
            start = noise(init, w, h, random);
        }
        ImageState state = new ImageState(start, Optimizer.of(kind), interpolation);
        state.resizeTo(size);
        return state;
    }

    INDArray pixels() {
        return pixels;
    }

    Optimizer optimizer() {
        return optimizer;
    }

    /** The resolution of the pixels. */
    Size size() {
        return new Size((int) pixels.size(2), (int) pixels.size(1));
    }

    /** Resamples the pixels, and the optimizer state with them, when the resolution changes. */
    void resizeTo(Size size) {
        if (size.equals(size())) return;
        pixels = resize(pixels, size);
        optimizer.mapState(state -> resize(state, size));
    }

    private INDArray resize(INDArray chw, Size size) {
        INDArray batch = chw.reshape(1, chw.size(0), chw.size(1), chw.size(2));
        INDArray resized = Resampling.resize(batch, size, interpolation);
        return resized.reshape(chw.size(0), size.height(), size.width()).castTo(chw.dataType());
    }

    private static INDArray noise(InitSpec init, int width, int height, SplittableRandom random) {
        float[] values = new float[3 * height * width];
        int plane = height * width;
        for (int c = 0; c < 3; c++) {
            double mean = init.mean().get(c), std = init.std().get(c);
            for (int i = 0; i < plane; i++) values[c * plane + i] = (float) (mean + std * random.nextGaussian());
        }
        return Nd4j.create(values, new long[] {3, height, width}, 'c');
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
