package dev.clipig.core.expr;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Immutable {@link Variables} held in a map, for expressions evaluated outside a run. */
public record MapVariables(Map<String, Value> values) implements Variables {

    static final MapVariables EMPTY = new MapVariables(Map.of());

    public MapVariables {
        values = Map.copyOf(values);
    }

    @Override
    public Optional<Value> lookup(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public static final class Builder {

        private final Map<String, Value> values = new HashMap<>();

        Builder() {
        }

        /** Sets a variable; an alias such as {@code t} is stored under its canonical name. */
        public Builder set(String name, Value value) {
            values.put(VariableGroup.canonicalName(name).orElse(name), value);
            return this;
        }

        public Builder set(String name, double value) {
            return set(name, Value.of(value));
        }

        public MapVariables build() {
            return new MapVariables(values);
        }
    }
}
