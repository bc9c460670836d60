package dev.clipig.core.constraints;

import dev.clipig.core.transforms.GaussianBlur;
import dev.clipig.core.transforms.SeparableMap;
import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.StepContext;
import dev.clipig.core.transforms.VectorParam;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The difference between each image and its Gaussian blur, times 100. As in the reference the
 * blurred image is not held constant, so the gradient flows through both sides.
 */
public record BlurConstraint(VectorParam kernelSize, VectorParam sigma, LossFunction lossFunction)
        implements Constraint {

    public BlurConstraint {
        kernelSize.require(2, "blur kernel_size");
        if (sigma != null) sigma.require(2, "blur sigma");
    }

    @Override
    public Loss loss(INDArray images, StepContext ctx) {
        Size size = new Size((int) images.size(3), (int) images.size(2));
        SeparableMap blur = GaussianBlur.map(size, kernelSize, sigma, ctx.step());
        Loss difference = lossFunction.of(images.sub(blur.apply(images)));
        INDArray g = difference.gradient();
        return new Loss(100 * difference.value(), g.sub(blur.transpose().apply(g)).muli(100));
    }
}
