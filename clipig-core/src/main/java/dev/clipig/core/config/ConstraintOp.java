package dev.clipig.core.config;

import dev.clipig.core.constraints.Constraint;
import dev.clipig.core.constraints.LossFunction;

/** A constraint as configs name it: its schema and how to make it from the configured parameters. */
public record ConstraintOp(OpSchema schema, Factory factory) {

    @FunctionalInterface
    public interface Factory {
        Constraint create(OpArgs args, LossFunction loss);
    }

    public String name() {
        return schema.name();
    }
}
