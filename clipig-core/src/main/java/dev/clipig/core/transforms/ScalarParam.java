package dev.clipig.core.transforms;

/**
 * A number that may change from step to step, such as a noise amount of {@code 1/5*ti}. Configs
 * back it with an expression; constants use {@link #of(double)}.
 */
@FunctionalInterface
public interface ScalarParam {

    double value(Step step);

    static ScalarParam of(double constant) {
        return step -> constant;
    }
}
