package dev.clipig.core.config;

import dev.clipig.core.constraints.Constraint;
import dev.clipig.core.constraints.LossFunction;
import dev.clipig.core.expr.Variables;
import java.util.Map;
import java.util.Optional;

/**
 * One configured constraint: its own parameters (given or defaulted; unset optional ones absent) and the
 * {@code weight}, time window and loss function every constraint has.
 */
public record ConstraintSpec(ConstraintOp op, Map<String, Param> params, Param weight, TimeWindow window,
                             LossFunction loss, ConfigLocation location) {

    public ConstraintSpec {
        params = Map.copyOf(params);
    }

    public String name() {
        return op.name();
    }

    /** The constraint, with size parameters read at {@code atBuild}. */
    public Constraint create(Variables atBuild) {
        return op.factory().create(new OpArgs(name(), params, atBuild), loss);
    }

    public Param param(String paramName) {
        return find(paramName).orElseThrow(() -> new IllegalArgumentException(
                "constraint '" + name() + "' has no value for '" + paramName + "'"));
    }

    public Optional<Param> find(String paramName) {
        return Optional.ofNullable(params.get(paramName));
    }
}
