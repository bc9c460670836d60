package dev.clipig.core.transforms;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Blends each image with its mean gray value, {@code factor·x + (1-factor)·mean(gray)}, clamped to
 * {@code [0, 1]} as torchvision's {@code adjust_contrast} does: 0 is a solid gray.
 */
public record Contrast(ScalarParam factor) implements PixelTransform {

    @Override
    public Stage stage(Size input) {
        return (x, ctx) -> {
            double f = factor.value(ctx.step());
            INDArray blend = x.mul(f).addi(Channels.luma(x).mean(true, 2, 3).muli(1 - f));
            Pass clamp = Clamp.UNIT.stage(input).forward(blend, ctx);
            return new Pass(clamp.output(), g -> {
                INDArray gBlend = clamp.backward(g);
                INDArray gMean = gBlend.sum(true, 1, 2, 3).muli((1 - f) / input.pixels());
                return gBlend.mul(f).addi(Channels.lumaBackward(gMean));
            });
        };
    }
}
