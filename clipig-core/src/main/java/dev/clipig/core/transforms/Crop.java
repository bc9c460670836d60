package dev.clipig.core.transforms;

/**
 * Cuts the rectangle with top-left corner {@code (x, y)} and size {@code width x height}; each value
 * below 1 is a fraction of the image size, any other a pixel count. Parts outside are black.
 */
public record Crop(double x, double y, double width, double height) implements GeometricTransform {

    public Crop {
        if (!(x >= 0 && y >= 0 && width > 0 && height > 0)) {
            throw new IllegalArgumentException("crop needs x, y >= 0 and a positive size, got "
                    + x + ", " + y + ", " + width + ", " + height);
        }
    }

    @Override
    public Size outputSize(Size input) {
        return new Size(pixels(width, input.width()), pixels(height, input.height()));
    }

    @Override
    public Warp warp(Size input, StepContext ctx) {
        return offset(pixels(x, input.width()), pixels(y, input.height()), input);
    }

    static Warp offset(int left, int top, Size input) {
        return new Warp(Affine.translate(left, top), input, Boundary.BLACK);
    }

    private static int pixels(double value, int size) {
        return (int) (value < 1 ? value * size : value);
    }
}
