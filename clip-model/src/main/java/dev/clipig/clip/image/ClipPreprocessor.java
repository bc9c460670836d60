package dev.clipig.clip.image;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * OpenAI CLIP's image preprocessing for a square input of {@code resolution} pixels, giving the
 * same float32 values as their {@code clip.load(...)[1]} transform on PIL images:
 * <ol>
 *   <li>resize so that the shorter side is {@code resolution} and the longer
 *       {@code int(resolution × long / short)}, with PIL's antialiased bicubic ({@link PilResize});</li>
 *   <li>crop the centre square, its offset rounded half to even as torchvision's {@code round};</li>
 *   <li>convert to RGB as PIL's {@code convert("RGB")} (alpha dropped, gray repeated, 32-bit gray
 *       clamped to 0–255);</li>
 *   <li>scale to 0–1 and normalize with CLIP's per-channel mean and standard deviation.</li>
 * </ol>
 * Immutable and thread-safe.
 */
public final class ClipPreprocessor {
    private static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    private static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};

    private final int resolution;

    public ClipPreprocessor(int resolution) {
        if (resolution < 1) {
            throw new IllegalArgumentException("resolution must be positive, not " + resolution);
        }
        this.resolution = resolution;
    }

    public int resolution() {
        return resolution;
    }

    /**
     * The {@code [3, R, R]} float32 input for one image file.
     *
     * @throws ImageReadException when the file is missing, unreadable or not a supported image
     */
    public INDArray preprocess(Path file) {
        Objects.requireNonNull(file, "file");
        return Nd4j.create(pixels(ImageDecoder.read(file), file), new long[] {3, resolution, resolution}, 'c');
    }

    /** The {@code [N, 3, R, R]} float32 input for image files, in order. */
    public INDArray preprocess(List<Path> files) {
        Objects.requireNonNull(files, "files");
        int size = 3 * resolution * resolution;
        float[] batch = new float[files.size() * size];
        for (int i = 0; i < files.size(); i++) {
            System.arraycopy(pixels(ImageDecoder.read(files.get(i)), files.get(i)), 0, batch, i * size, size);
        }
        return Nd4j.create(batch, new long[] {files.size(), 3, resolution, resolution}, 'c');
    }

    /**
     * The {@code [3, R, R]} float32 input for a decoded image. Without a file PIL's mode is judged
     * from the colour model alone: an indexed image counts as a palette (nearest-neighbour resize).
     */
    public INDArray preprocess(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        return Nd4j.create(pixels(ImageDecoder.decode(image, null), null), new long[] {3, resolution, resolution}, 'c');
    }

    /** @param file where the image came from, for messages; null for an image given decoded */
    private float[] pixels(PilImage image, Path file) {
        int shorter = Math.min(image.width(), image.height());
        int longer = Math.max(image.width(), image.height());
        long resizedPixels = (long) ((double) resolution * longer / shorter) * resolution;
        if (resizedPixels > ImageFiles.MAX_PIXELS) {
            // Scaled to the resolution on its shorter side, a very long image would outgrow any array.
            throw new ImageReadException(file, image.width() + "x" + image.height() + " pixels is too elongated: "
                    + resolution + " pixels across it would make it " + resizedPixels + " pixels, over "
                    + ImageFiles.MAX_PIXELS);
        }
        int resizedLonger = (int) ((double) resolution * longer / shorter);
        boolean portrait = image.width() <= image.height();
        int width = portrait ? resolution : resizedLonger;
        int height = portrait ? resizedLonger : resolution;
        PilImage resized = PilResize.resize(image, width, height);
        int top = (int) Math.rint((height - resolution) / 2.0);
        int left = (int) Math.rint((width - resolution) / 2.0);
        float[] out = new float[3 * resolution * resolution];
        for (int c = 0; c < 3; c++) {
            int[] plane = resized.planes()[resized.mode().planes() == 1 ? 0 : c];
            for (int y = 0; y < resolution; y++) {
                for (int x = 0; x < resolution; x++) {
                    int value = Math.min(Math.max(plane[(top + y) * width + left + x], 0), 255);
                    float unit = value / 255f;
                    out[(c * resolution + y) * resolution + x] = (unit - MEAN[c]) / STD[c];
                }
            }
        }
        return out;
    }
}
