package dev.clipig.core.transforms;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Keeps only the edges: {@code clamp((x - blur(x))·amount, 0, 1)} per channel. */
public record Edge(VectorParam kernelSize, VectorParam sigma, VectorParam amount) implements PixelTransform {

    public Edge {
        kernelSize.require(2, "edge kernel_size");
        if (sigma != null) sigma.require(2, "edge sigma");
        amount.require(3, "edge amount");
    }

    @Override
    public Stage stage(Size input) {
        return (x, ctx) -> {
            SeparableMap blur = GaussianBlur.map(input, kernelSize, sigma, ctx.step());
            INDArray gain = Channels.of(amount.values(ctx.step(), 3), x.dataType());
            Pass clamp = Clamp.UNIT.stage(input).forward(x.sub(blur.apply(x)).muli(gain), ctx);
            return new Pass(clamp.output(), g -> {
                INDArray gEdge = clamp.backward(g).muli(gain);
                return gEdge.sub(blur.transpose().apply(gEdge));
            });
        };
    }
}
