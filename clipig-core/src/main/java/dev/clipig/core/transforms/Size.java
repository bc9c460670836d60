package dev.clipig.core.transforms;

/** The width and height of an image in pixels. */
public record Size(int width, int height) {

    public Size {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
    }

    public static Size square(int side) {
        return new Size(side, side);
    }

    public int pixels() {
        return width * height;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
