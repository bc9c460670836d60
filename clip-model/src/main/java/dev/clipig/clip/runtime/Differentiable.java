package dev.clipig.clip.runtime;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A function of a batch with its backward pass to the input, the unit {@link Lanes} run a
 * vector-Jacobian product of.
 *
 * @param <S> what the forward pass saves for the backward
 */
public interface Differentiable<S> {

    Forward<S> forward(INDArray input);

    /** d(loss)/d(input) from d(loss)/d(output) and what the forward pass saved. */
    INDArray backward(INDArray outputGradient, S saved);

    static <S> Differentiable<S> of(Function<INDArray, Forward<S>> forward, BiFunction<INDArray, S, INDArray> backward) {
        return new Differentiable<>() {
            @Override
            public Forward<S> forward(INDArray input) {
                return forward.apply(input);
            }

            @Override
            public INDArray backward(INDArray outputGradient, S saved) {
                return backward.apply(outputGradient, saved);
            }
        };
    }
}
