package dev.clipig.core.transforms;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Blends each pixel with its gray value, {@code factor·x + (1-factor)·gray}, clamped to
 * {@code [0, 1]} as torchvision's {@code adjust_saturation} does: 0 is black and white, 2 doubles
 * the saturation.
 */
public record Saturation(ScalarParam factor) implements PixelTransform {

    @Override
    public Stage stage(Size input) {
        return (x, ctx) -> {
            double f = factor.value(ctx.step());
            INDArray blend = x.mul(f).addi(Channels.luma(x).muli(1 - f));
            Pass clamp = Clamp.UNIT.stage(input).forward(blend, ctx);
            return new Pass(clamp.output(), g -> {
                INDArray gBlend = clamp.backward(g);
                return gBlend.mul(f).addi(Channels.lumaBackward(gBlend.sum(true, 1).muli(1 - f)));
            });
        };
    }
}
