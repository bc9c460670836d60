package dev.clipig.core.config;

import java.util.List;
import java.util.Optional;

/**
 * The declaration of a transform or constraint from the reference: its name and parameters, and for
 * transforms whether it changes the resolution (such cannot post-process).
 *
 * <p>A transform with a single parameter takes its value directly ({@code mul: 1/2}); all others take a
 * mapping of parameter names.
 *
 * @param atLeastOneOf parameters of which at least one must be given (a constraint's above/below)
 */
public record OpSchema(String name, Kind kind, boolean resizes, List<ParamSchema> params,
                       List<String> atLeastOneOf) {

    public enum Kind { TRANSFORM, CONSTRAINT }

    public OpSchema {
        params = List.copyOf(params);
        atLeastOneOf = List.copyOf(atLeastOneOf);
    }

    public boolean takesValueDirectly() {
        return kind == Kind.TRANSFORM && params.size() == 1;
    }

    public Optional<ParamSchema> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }

    public List<String> paramNames() {
        return params.stream().map(ParamSchema::name).toList();
    }
}
