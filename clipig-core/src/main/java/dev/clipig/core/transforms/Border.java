package dev.clipig.core.transforms;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Paints a border {@code x} columns wide left and right and {@code y} rows high top and bottom
 * in a color; the size stays. (The reference paints the whole image for a size of 0; here 0 paints
 * nothing.)
 */
public record Border(int x, int y, VectorParam color) implements PixelTransform {

    public Border {
        if (x < 0 || y < 0) throw new IllegalArgumentException("border size must not be negative, got " + x + ", " + y);
        color.require(3, "border color");
    }

    @Override
    public Stage stage(Size input) {
        INDArray mask = interior(input, x, y);
        return (images, ctx) -> {
            INDArray inside = mask.castTo(images.dataType());
            INDArray paint = Channels.of(color.values(ctx.step(), 3), images.dataType()).mul(inside.rsub(1));
            return new Pass(images.mul(inside).addi(paint), g -> g.mul(inside));
        };
    }

    /** 1 inside the border, 0 on it, shaped {@code [1, 1, H, W]}. */
    static INDArray interior(Size size, int x, int y) {
        double[] mask = new double[size.pixels()];
        for (int row = 0; row < size.height(); row++) {
            for (int col = 0; col < size.width(); col++) {
                boolean onBorder = row < y || row >= size.height() - y || col < x || col >= size.width() - x;
                mask[row * size.width() + col] = onBorder ? 0 : 1;
            }
        }
        return Nd4j.createFromArray(mask).reshape(1, 1, size.height(), size.width());
    }
}
