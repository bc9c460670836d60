package dev.clipig.core.transforms;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Shows every image of the batch in its own light, as torchvision's {@code ColorJitter} does for
 * brightness, contrast and saturation: each view draws a brightness factor from
 * {@code [1 - brightness, 1 + brightness]} (the image times it), then a contrast factor (a blend
 * with the image's mean gray) and a saturation factor (a blend with each pixel's gray) likewise,
 * and the result is clamped to {@code [0, 1]}. An amount of 0 leaves that property alone.
 *
 * <p>All three are linear in the image, so the backward pass is their transposes in reverse order:
 * the saturation blend's, the contrast blend's (its mean spreads the gradient's sum evenly), and
 * the brightness factor.
 */
public record ColorJitter(ScalarParam brightness, ScalarParam contrast, ScalarParam saturation)
        implements PixelTransform, RandomTransform {

    @Override
    public Stage stage(Size input) {
        return (x, ctx) -> {
            int batch = Math.toIntExact(x.size(0));
            Step s = ctx.step();
            double[] b = factors(batch, brightness.value(s), ctx);
            double[] c = factors(batch, contrast.value(s), ctx);
            double[] t = factors(batch, saturation.value(s), ctx);
            INDArray bright = perImage(b, x), contrastF = perImage(c, x), saturationF = perImage(t, x);
            INDArray lit = x.mul(bright);
            INDArray blended = lit.mul(contrastF).addi(Channels.luma(lit).mean(true, 2, 3).muli(contrastF.rsub(1)));
            INDArray coloured = blended.mul(saturationF).addi(Channels.luma(blended).muli(saturationF.rsub(1)));
            Pass clamp = Clamp.UNIT.stage(input).forward(coloured, ctx);
            return new Pass(clamp.output(), g -> {
                INDArray gColoured = clamp.backward(g);
                INDArray gBlended = gColoured.mul(saturationF)
                        .addi(Channels.lumaBackward(gColoured.sum(true, 1).muli(saturationF.rsub(1))));
                INDArray gMean = gBlended.sum(true, 1, 2, 3).muli(contrastF.rsub(1)).divi(input.pixels());
                INDArray gLit = gBlended.mul(contrastF).addi(Channels.lumaBackward(gMean));
                return gLit.muli(bright);
            });
        };
    }

    /** One factor per image from {@code [1 - amount, 1 + amount]}, never below 0. */
    private static double[] factors(int batch, double amount, StepContext ctx) {
        double[] factors = new double[batch];
        for (int i = 0; i < batch; i++) factors[i] = ctx.uniform(Math.max(0, 1 - amount), 1 + amount);
        return factors;
    }

    /** Factors shaped {@code [B, 1, 1, 1]}, to broadcast over each image. */
    private static INDArray perImage(double[] factors, INDArray like) {
        return Nd4j.createFromArray(factors).reshape(factors.length, 1, 1, 1).castTo(like.dataType());
    }
}
