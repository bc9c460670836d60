package dev.clipig.core.expr;

/** A Python {@code int}, kept within the range of a {@code long}: larger results are errors. */
public record IntValue(long value) implements Value {

    @Override
    public String typeName() {
        return "int";
    }

    @Override
    public boolean isTrue() {
        return value != 0;
    }

    @Override
    public boolean isNumber() {
        return true;
    }

    @Override
    public double asDouble() {
        return value;
    }

    @Override
    public long asLong() {
        return value;
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
