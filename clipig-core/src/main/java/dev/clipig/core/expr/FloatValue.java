package dev.clipig.core.expr;

/** A Python {@code float}. */
public record FloatValue(double value) implements Value {

    /** 2^63: the first float that no longer fits a {@code long}. */
    private static final double LONG_LIMIT = 9.223372036854775807E18;

    @Override
    public String typeName() {
        return "float";
    }

    @Override
    public boolean isTrue() {
        return value != 0.0;
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
        if (Double.isNaN(value)) {
            throw new ExpressionException("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(value)) {
            throw new ExpressionException("cannot convert float infinity to integer");
        }
        if (value >= LONG_LIMIT || value < -LONG_LIMIT) {
            throw new ExpressionException("float " + value + " is too large for an integer");
        }
        return (long) value;
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
