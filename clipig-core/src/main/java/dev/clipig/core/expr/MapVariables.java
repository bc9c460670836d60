package dev.clipig.core.expr;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Immutable {@link Variables} held in a map; built with the setters of the reference's variable groups. */
public record MapVariables(Map<String, Value> values) implements Variables {

    static final MapVariables EMPTY = new MapVariables(Map.of());

    public MapVariables {
        values = Map.copyOf(values);
    }

    @Override
    public Optional<Value> lookup(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A builder that starts from these values. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.values.putAll(values);
        return builder;
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

        /** The {@link VariableGroup#TIME} variables. */
        public Builder time(TrainingTime time) {
            double t = time.fraction();
            set("epoch", Value.of((long) time.epoch()));
            set("time", t);
            set("time_inverse", 1.0 - t);
            for (int power = 2; power <= 5; power++) {
                set("time" + power, Math.pow(t, power));
                set("time_inverse" + power, Math.pow(1.0 - t, power));
            }
            return this;
        }

        /** The {@link VariableGroup#RESOLUTION} variables of a training image. */
        public Builder resolution(int width, int height) {
            set("resolution", Value.ofInts(width, height));
            set("width", Value.of((long) width));
            return set("height", Value.of((long) height));
        }

        /** The {@link VariableGroup#LEARNRATE} variables. */
        public Builder learnrate(double learnrate, double learnrateScale) {
            set("learnrate", learnrate);
            return set("learnrate_scale", learnrateScale);
        }

        /** The {@link VariableGroup#SIMILARITY} variable, 100 × cosine similarity. */
        public Builder similarity(double similarity) {
            return set("similarity", similarity);
        }

        public MapVariables build() {
            return new MapVariables(values);
        }
    }
}
