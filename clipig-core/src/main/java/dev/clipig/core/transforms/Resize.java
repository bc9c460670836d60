package dev.clipig.core.transforms;

/** Changes the resolution, sampling bilinearly with pixel centers aligned (torch's default). */
public record Resize(Size size) implements GeometricTransform {

    @Override
    public Size outputSize(Size input) {
        return size;
    }

    @Override
    public Warp warp(Size input, StepContext ctx) {
        double sx = input.width() / (double) size.width(), sy = input.height() / (double) size.height();
        return new Warp(Affine.scale(sx, sy, 0, 0), input, Boundary.EDGE);
    }
}
