package dev.clipig.core.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Python dict with number keys. Keys are compared as Python does: {@code 1}, {@code 1.0} and
 * {@code True} are the same key.
 */
public final class DictValue implements Value {

    /** Canonical key (a {@code Long} or {@code Double}) to entry, in insertion order. */
    private final Map<Object, Map.Entry<Value, Value>> entries;

    private DictValue(Map<Object, Map.Entry<Value, Value>> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** A dict of the pairs {@code keys[i]: values[i]}; a later duplicate key wins, as in Python. */
    public static DictValue of(List<Value> keys, List<Value> values) {
        if (keys.size() != values.size()) {
            throw new IllegalArgumentException("keys and values differ in number");
        }
        Map<Object, Map.Entry<Value, Value>> entries = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Object canonical = canonicalKey(keys.get(i));
            Value key = entries.containsKey(canonical) ? entries.get(canonical).getKey() : keys.get(i);
            entries.put(canonical, Map.entry(key, values.get(i)));
        }
        return new DictValue(entries);
    }

    public Optional<Value> get(Value key) {
        Map.Entry<Value, Value> entry = entries.get(canonicalKey(key));
        return entry == null ? Optional.empty() : Optional.of(entry.getValue());
    }

    public boolean containsKey(Value key) {
        return entries.containsKey(canonicalKey(key));
    }

    public int size() {
        return entries.size();
    }

    @Override
    public String typeName() {
        return "dict";
    }

    @Override
    public boolean isTrue() {
        return !entries.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DictValue dict && entries.keySet().equals(dict.entries.keySet())
                && entries.keySet().stream().allMatch(
                        k -> Arithmetic.equal(entries.get(k).getValue(), dict.entries.get(k).getValue()));
    }

    @Override
    public int hashCode() {
        return entries.keySet().hashCode();
    }

    @Override
    public String toString() {
        return entries.values().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** Numbers that Python considers equal map to one key; lists and dicts are unhashable. */
    private static Object canonicalKey(Value key) {
        if (key instanceof FloatValue f) {
            double v = f.value();
            return v == Math.rint(v) && Math.abs(v) < 9.0e18 ? (Object) (long) v : (Object) v;
        }
        if (key.isNumber()) {
            return key.asLong();
        }
        throw new ExpressionException("unhashable type: '" + key.typeName() + "'");
    }
}
