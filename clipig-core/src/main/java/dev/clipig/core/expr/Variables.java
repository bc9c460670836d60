package dev.clipig.core.expr;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** The variables an expression is evaluated with, looked up by canonical name (see {@link VariableGroup}). */
public interface Variables {

    Optional<Value> lookup(String name);

    /**
     * The source Python's {@code random} functions draw from. Without a run (checking an expression
     * when a config loads) that is a fixed sequence, started afresh at every call.
     */
    default RandomGenerator random() {
        return new SplittableRandom(0);
    }

    /** These variables, with the random functions drawing from {@code source}. */
    default Variables drawingFrom(RandomGenerator source) {
        Variables variables = this;
        return new Variables() {
            @Override
            public Optional<Value> lookup(String name) {
                return variables.lookup(name);
            }

            @Override
            public RandomGenerator random() {
                return source;
            }
        };
    }

    static Variables empty() {
        return MapVariables.EMPTY;
    }

    static MapVariables.Builder builder() {
        return new MapVariables.Builder();
    }
}
