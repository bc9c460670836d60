package dev.clipig.core.transforms;

/** Cuts a rectangle of the given size from a random position inside the image. */
public record RandomCrop(Size size) implements GeometricTransform, RandomTransform {

    @Override
    public Size outputSize(Size input) {
        return size;
    }

    @Override
    public Warp warp(Size input, StepContext ctx) {
        return Crop.offset(start(input.width(), size.width(), ctx), start(input.height(), size.height(), ctx), input);
    }

    private static int start(int input, int crop, StepContext ctx) {
        int room = input - crop;
        return room >= 0 ? ctx.random().nextInt(room + 1) : -ctx.random().nextInt(-room + 1);
    }
}
