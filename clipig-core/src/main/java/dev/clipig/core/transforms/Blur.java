package dev.clipig.core.transforms;

/** A Gaussian blur, see {@link GaussianBlur}. */
public record Blur(VectorParam kernelSize, VectorParam sigma) implements PixelTransform {

    public Blur {
        kernelSize.require(2, "blur kernel_size");
        if (sigma != null) sigma.require(2, "blur sigma");
    }

    @Override
    public Stage stage(Size input) {
        return (x, ctx) -> {
            SeparableMap blur = GaussianBlur.map(input, kernelSize, sigma, ctx.step());
            return new Pass(blur.apply(x), g -> blur.transpose().apply(g));
        };
    }
}
