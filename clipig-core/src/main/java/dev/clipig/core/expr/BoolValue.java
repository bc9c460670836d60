package dev.clipig.core.expr;

/** A Python {@code bool}, which takes part in arithmetic as 0 or 1. */
public record BoolValue(boolean value) implements Value {

    public static final BoolValue TRUE = new BoolValue(true);
    public static final BoolValue FALSE = new BoolValue(false);

    public static BoolValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public String typeName() {
        return "bool";
    }

    @Override
    public boolean isTrue() {
        return value;
    }

    @Override
    public boolean isNumber() {
        return true;
    }

    @Override
    public double asDouble() {
        return value ? 1.0 : 0.0;
    }

    @Override
    public long asLong() {
        return value ? 1 : 0;
    }

    @Override
    public String toString() {
        return value ? "True" : "False";
    }
}
