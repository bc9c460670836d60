package dev.clipig.core.render;

import dev.clipig.clip.image.ImageFiles;
import dev.clipig.core.config.ImageTensor;
import dev.clipig.core.config.InitSpec;
import dev.clipig.core.transforms.Interpolation;
import dev.clipig.core.transforms.Resampling;
import dev.clipig.core.transforms.Size;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The pixels a run starts from, [3, H, W], made as CLIPig's pixel model initializes itself: at
 * {@code init.resolution} (or the training resolution) either normal noise of {@code init.mean}
 * and {@code init.std}, or the image scaled to cover that size, centre-cropped, times {@code std}
 * plus {@code mean}; then resized bicubically to the training resolution and clamped to [0, 1].
 * Inline pixels ({@code image_tensor}) are taken as they are: only cropped, never clamped.
 */
final class InitialPixels {
    private InitialPixels() {
    }

    static INDArray of(InitSpec init, Size training, SplittableRandom random) {
        if (init.imageTensor().isPresent()) {
            ImageTensor t = init.imageTensor().get();
            return coverAndCrop(Nd4j.create(t.toArray(), new long[] {t.channels(), t.height(), t.width()}, 'c'), training);
        }
        Size made = init.resolution().map(InitialPixels::size).orElse(training);
        INDArray pixels = init.image().isPresent()
                ? coverAndCrop(read(Path.of(init.image().get())), made).mul(channels(init.std())).addi(channels(init.mean()))
                : noise(init, made, random);
        if (!made.equals(training)) pixels = resize(pixels, training);
        return Transforms.min(Transforms.max(pixels, 0.0, false), 1.0, false);
    }

    private static Size size(List<Integer> widthHeight) {
        return new Size(widthHeight.get(0), widthHeight.size() > 1 ? widthHeight.get(1) : widthHeight.get(0));
    }

    /** {@code mean + std · N(0, 1)} per channel, drawn channel by channel from the run's seed. */
    private static INDArray noise(InitSpec init, Size size, SplittableRandom random) {
        int plane = size.pixels();
        float[] values = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            double mean = init.mean().get(c), std = init.std().get(c);
            for (int i = 0; i < plane; i++) values[c * plane + i] = (float) (mean + std * random.nextGaussian());
        }
        return Nd4j.create(values, new long[] {3, size.height(), size.width()}, 'c');
    }

    private static INDArray channels(List<Double> values) {
        return Nd4j.createFromArray(values.get(0).floatValue(), values.get(1).floatValue(), values.get(2).floatValue())
                .reshape(3, 1, 1);
    }

    /**
     * CLIPig's resize_crop: unless the sizes match, scales the image bicubically so that its
     * shorter side becomes the target's longer side, then takes the centre (offsets rounded half to
     * even, as torchvision's centre crop does in Python).
     */
    static INDArray coverAndCrop(INDArray chw, Size to) {
        int width = (int) chw.size(2), height = (int) chw.size(1);
        if (width == to.width() && height == to.height()) return chw;
        double factor = Math.max(to.width(), to.height()) / (double) Math.min(width, height);
        INDArray scaled = resize(chw, new Size((int) (width * factor), (int) (height * factor)));
        long top = (long) Math.rint((scaled.size(1) - to.height()) / 2.0);
        long left = (long) Math.rint((scaled.size(2) - to.width()) / 2.0);
        return scaled.get(NDArrayIndex.all(), NDArrayIndex.interval(top, top + to.height()),
                NDArrayIndex.interval(left, left + to.width())).dup('c');
    }

    private static INDArray resize(INDArray chw, Size size) {
        INDArray batch = chw.reshape(1, chw.size(0), chw.size(1), chw.size(2));
        return Resampling.resize(batch, size, Interpolation.CUBIC).reshape(chw.size(0), size.height(), size.width());
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
        return Nd4j.create(values, new long[] {3, height, width}, 'c');
    }
}
