package dev.clipig.clip.image;

import java.util.function.Function;

/**
 * PIL's {@code Image.resize(size, BICUBIC)}, bit for bit: palette and 1-bit images take the
 * nearest pixel (PIL overrides the filter for them); images with alpha are resized
 * alpha-premultiplied and divided back; the rest go through two separable passes,
 * horizontal then vertical, each rounding to 8 bits with 22-bit fixed-point weights (or, for
 * 32-bit gray, summing in doubles and rounding to integers). An axis whose size is unchanged is
 * not resampled, and an image of the requested size is returned as it is.
 */
final class PilResize {
    private PilResize() {
    }

    static PilImage resize(PilImage image, int width, int height) {
        if (image.width() == width && image.height() == height) {
            return image;
        }
        return switch (image.mode()) {
            case INDEXED -> nearest(image, width, height);
            case GRAY, RGB -> bicubic(image, width, height, PilResize::fixedPoint);
            case RGBA -> unpremultiply(bicubic(premultiply(image), width, height, PilResize::fixedPoint));
            case WIDE_GRAY -> bicubic(image, width, height, PilResize::floating);
        };
    }

    /**
     * Pillow's {@code ImagingScaleAffine}: source positions accumulated in doubles and truncated;
     * a position that rounding pushes past the edge leaves its pixel 0, as there.
     */
    private static PilImage nearest(PilImage image, int width, int height) {
        int[] columns = positions(image.width(), width);
        int[] rows = positions(image.height(), height);
        int[][] planes = new int[image.planes().length][width * height];
        for (int p = 0; p < planes.length; p++) {
            int[] in = image.planes()[p];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (rows[y] >= 0 && columns[x] >= 0) {
                        planes[p][y * width + x] = in[rows[y] * image.width() + columns[x]];
                    }
                }
            }
        }
        return new PilImage(width, height, image.mode(), planes);
    }

    /** Source index of each output index along one axis, or -1 past the edge. */
    private static int[] positions(int inSize, int outSize) {
        double step = (double) inSize / outSize;
        double position = step * 0.5;
        int[] positions = new int[outSize];
        for (int i = 0; i < outSize; i++) {
            positions[i] = (int) position < inSize ? (int) position : -1;
            position += step;
        }
        return positions;
    }

    /** One output pixel from the {@code count} input pixels {@code in[start + i·step]}, weighted from index k. */
    @FunctionalInterface
    private interface Sample {
        int of(int[] in, int start, int step, int k, int count);
    }

    /** The 8-bit path: 22-bit fixed-point weights, a rounding half added, clipped to 0..255. */
    private static Sample fixedPoint(ResampleWeights axis) {
        int[] weights = axis.fixedPoint();
        return (in, start, step, k, count) -> {
            int sum = 1 << (ResampleWeights.PRECISION_BITS - 1);
            for (int i = 0; i < count; i++) sum += in[start + i * step] * weights[k + i];
            return Math.min(Math.max(sum >> ResampleWeights.PRECISION_BITS, 0), 255);
        };
    }

    /** The 32-bit gray path: sums in doubles, rounded as Pillow's ROUND_UP (half away from zero, truncated). */
    private static Sample floating(ResampleWeights axis) {
        double[] weights = axis.weights();
        return (in, start, step, k, count) -> {
            double sum = 0.0;
            for (int i = 0; i < count; i++) sum += in[start + i * step] * weights[k + i];
            return (int) (sum >= 0.0 ? sum + 0.5f : sum - 0.5f);
        };
    }

    private static PilImage bicubic(PilImage image, int width, int height, Function<ResampleWeights, Sample> path) {
        int[][] planes = image.planes();
        int w = image.width();
        int h = image.height();
        if (width != w) {
            ResampleWeights axis = ResampleWeights.bicubic(w, width);
            planes = pass(planes, h, w, width, axis, path.apply(axis), true);
            w = width;
        }
        if (height != h) {
            ResampleWeights axis = ResampleWeights.bicubic(h, height);
            planes = pass(planes, w, h, height, axis, path.apply(axis), false);
        }
        return new PilImage(width, height, image.mode(), planes);
    }

    /**
     * One pass along rows ({@code horizontal}) or columns: {@code lines} lines of
     * {@code inLength} pixels become lines of {@code outLength}.
     */
    private static int[][] pass(int[][] planes, int lines, int inLength, int outLength,
            ResampleWeights axis, Sample sample, boolean horizontal) {
        int[][] out = new int[planes.length][lines * outLength];
        int lineStride = horizontal ? inLength : 1;
        int pixelStride = horizontal ? 1 : lines;
        int outLineStride = horizontal ? outLength : 1;
        int outPixelStride = horizontal ? 1 : lines;
        for (int p = 0; p < planes.length; p++) {
            int[] in = planes[p];
            for (int line = 0; line < lines; line++) {
                for (int o = 0; o < outLength; o++) {
                    int start = line * lineStride + axis.first()[o] * pixelStride;
                    out[p][line * outLineStride + o * outPixelStride] =
                            sample.of(in, start, pixelStride, o * axis.stride(), axis.count()[o]);
                }
            }
        }
        return out;
    }

    /** Pillow's RGBA to RGBa: each colour times alpha / 255, rounded as its MULDIV255. */
    private static PilImage premultiply(PilImage image) {
        int[][] in = image.planes();
        int[][] out = {in[0].clone(), in[1].clone(), in[2].clone(), in[3]};
        for (int i = 0; i < in[3].length; i++) {
            int alpha = in[3][i];
            for (int c = 0; c < 3; c++) {
                int t = in[c][i] * alpha + 128;
                out[c][i] = ((t >> 8) + t) >> 8;
            }
        }
        return new PilImage(image.width(), image.height(), image.mode(), out);
    }

    /** Pillow's RGBa to RGBA: each colour times 255 / alpha, truncated and clamped. */
    private static PilImage unpremultiply(PilImage image) {
        int[][] in = image.planes();
        int[][] planes = {in[0].clone(), in[1].clone(), in[2].clone(), in[3]};
        for (int i = 0; i < planes[3].length; i++) {
            int alpha = planes[3][i];
            if (alpha != 0 && alpha != 255) {
                for (int c = 0; c < 3; c++) {
                    planes[c][i] = Math.min(255 * planes[c][i] / alpha, 255);
                }
            }
        }
        return new PilImage(image.width(), image.height(), image.mode(), planes);
    }
}
