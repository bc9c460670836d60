package dev.clipig.core.transforms;

/**
 * The width and height of an image in pixels, each from 1 to {@value #MAX_SIDE}: the largest image a run
 * trains or a transform makes. The bound keeps an image's arrays far from the JVM's array limits and a
 * step within memory (a 4096-pixel square is 200 MB as float32 RGB); docs/limits.md lists it.
 */
public record Size(int width, int height) {
    public static final int MAX_SIDE = 4096;

    public Size {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("an image's sides must be from 1 to " + MAX_SIDE + " pixels, got "
                    + width + "x" + height);
        }
    }

    /** The size of sides computed in {@code long}, so that an overflow is refused rather than wrapped. */
    public static Size of(long width, long height) {
        return new Size(saturated(width), saturated(height));
    }

    private static int saturated(long side) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, side));
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
