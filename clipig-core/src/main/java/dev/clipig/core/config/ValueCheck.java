package dev.clipig.core.config;

import java.util.function.DoublePredicate;

/** A range a numeric parameter's values must lie in, checked at load for constants and per use otherwise. */
public enum ValueCheck {
    ANY("any number", v -> !Double.isNaN(v)),
    NON_NEGATIVE("zero or positive", v -> v >= 0.0),
    POSITIVE("positive", v -> v > 0.0);

    private final String description;
    private final DoublePredicate test;

    ValueCheck(String description, DoublePredicate test) {
        this.description = description;
        this.test = test;
    }

    public boolean accepts(double value) {
        return test.test(value);
    }

    /** E.g. "zero or positive", for messages. */
    public String description() {
        return description;
    }
}
