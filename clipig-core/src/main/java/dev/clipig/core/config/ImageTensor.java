package dev.clipig.core.config;

import java.util.Arrays;

/** Pixel values in {@code [C][H][W]} layout as given by {@code init.image_tensor}. */
public final class ImageTensor {

    private final int channels;
    private final int height;
    private final int width;
    private final float[] values;

    public ImageTensor(int channels, int height, int width, float[] values) {
        if (channels < 1 || height < 1 || width < 1 || values.length != channels * height * width) {
            throw new IllegalArgumentException("need " + channels + "x" + height + "x" + width + " values, got "
                    + values.length);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.values = values.clone();
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public float get(int channel, int y, int x) {
        return values[(channel * height + y) * width + x];
    }

    /** A copy of the values, channel-major. */
    public float[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageTensor t && t.channels == channels && t.height == height
                && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }
}
