package dev.clipig.core.expr;

import java.util.List;
import java.util.stream.Collectors;

/** A Python list or tuple; the language does not tell them apart. */
public record ListValue(List<Value> items) implements Value {

    public ListValue {
        items = List.copyOf(items);
    }

    @Override
    public String typeName() {
        return "list";
    }

    @Override
    public boolean isTrue() {
        return !items.isEmpty();
    }

    @Override
    public List<Value> asList() {
        return items;
    }

    @Override
    public String toString() {
        return items.stream().map(Value::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
