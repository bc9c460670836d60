package dev.clipig.core.config;

import java.util.Map;
import java.util.Optional;

/**
 * One configured constraint: its own parameters (given or defaulted; unset optional ones absent) and the
 * {@code weight}, time window and loss function every constraint has.
 */
public record ConstraintSpec(OpSchema schema, Map<String, Param> params, Param weight, TimeWindow window,
                             LossFunction loss, ConfigLocation location) {

    public ConstraintSpec {
        params = Map.copyOf(params);
    }

    public String name() {
        return schema.name();
    }

    public Param param(String paramName) {
        return find(paramName).orElseThrow(() -> new IllegalArgumentException(
                "constraint '" + name() + "' has no value for '" + paramName + "'"));
    }

    public Optional<Param> find(String paramName) {
        return Optional.ofNullable(params.get(paramName));
    }
}
