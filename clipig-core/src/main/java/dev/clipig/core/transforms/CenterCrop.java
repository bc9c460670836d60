package dev.clipig.core.transforms;

/** Cuts a rectangle of the given size from the center; a larger size adds black borders. */
public record CenterCrop(Size size) implements GeometricTransform {

    @Override
    public Size outputSize(Size input) {
        return size;
    }

    @Override
    public Warp warp(Size input, StepContext ctx) {
        return Crop.offset(start(input.width(), size.width()), start(input.height(), size.height()), input);
    }

    /** torchvision rounds half to even when cropping, and pads a smaller image first. */
    private static int start(int input, int crop) {
        return crop <= input ? (int) Math.rint((input - crop) / 2.0) : -Math.floorDiv(crop - input, 2);
    }
}
