package dev.clipig.core.transforms;

import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The result of a differentiable forward computation and the way back: {@link #backward} maps the
 * loss gradient with respect to {@link #output} to the gradient with respect to the input. A
 * backward pass never modifies the gradient it is given.
 */
public record Pass(INDArray output, UnaryOperator<INDArray> backprop) {

    public INDArray backward(INDArray gradOutput) {
        return backprop.apply(gradOutput);
    }

    /** Runs {@code next} on this pass's output and chains the two backward passes. */
    public Pass then(Stage next, StepContext ctx) {
        Pass after = next.forward(output, ctx);
        return new Pass(after.output(), g -> backward(after.backward(g)));
    }
}
