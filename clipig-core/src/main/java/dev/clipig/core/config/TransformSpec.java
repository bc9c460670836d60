package dev.clipig.core.config;

import java.util.Map;
import java.util.Optional;

/**
 * One configured transform: its schema and a value for every parameter the config gave or that has a
 * default (parameters that are optional and unset, like blur's {@code sigma}, are absent).
 */
public record TransformSpec(OpSchema schema, Map<String, Param> params, ConfigLocation location) {

    public TransformSpec {
        params = Map.copyOf(params);
    }

    public String name() {
        return schema.name();
    }

    /** A parameter that is set (given or defaulted). */
    public Param param(String paramName) {
        return find(paramName).orElseThrow(() -> new IllegalArgumentException(
                "transform '" + name() + "' has no value for '" + paramName + "'"));
    }

    public Optional<Param> find(String paramName) {
        return Optional.ofNullable(params.get(paramName));
    }

    public boolean resizes() {
        return schema.resizes();
    }

    public boolean isRandom() {
        return schema.random();
    }

    /** Whether no parameter depends on variables, so the transform is the same at every step. */
    public boolean isConstant() {
        return params.values().stream().allMatch(Param::isConstant);
    }
}
