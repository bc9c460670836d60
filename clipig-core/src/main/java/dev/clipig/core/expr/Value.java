package dev.clipig.core.expr;

import java.util.Arrays;
import java.util.List;

/**
 * A value of the expression language: the few Python types config expressions produce.
 *
 * <p>{@code bool} counts as a number, as in Python ({@code True + 1 == 2}). Conversions follow Python's
 * {@code int()} and {@code float()}: {@link #asLong()} truncates a float towards zero.
 */
public sealed interface Value permits IntValue, FloatValue, BoolValue, ListValue, DictValue {

    static Value of(long value) {
        return new IntValue(value);
    }

    static Value of(double value) {
        return new FloatValue(value);
    }

    static Value of(boolean value) {
        return BoolValue.of(value);
    }

    static Value of(List<? extends Value> items) {
        return new ListValue(List.copyOf(items));
    }

    /** A list of ints, e.g. a resolution {@code [width, height]}. */
    static Value ofInts(int... values) {
        return new ListValue(Arrays.stream(values).mapToObj(v -> (Value) new IntValue(v)).toList());
    }

    /** The Python type name, for messages. */
    String typeName();

    /** Python truthiness. */
    boolean isTrue();

    /** Whether this is an int, float or bool. */
    default boolean isNumber() {
        return false;
    }

    /** Python's {@code float(x)}. */
    default double asDouble() {
        throw new ExpressionException("expected a number, got " + typeName());
    }

    /** Python's {@code int(x)}, limited to the range of a {@code long}. */
    default long asLong() {
        throw new ExpressionException("expected a number, got " + typeName());
    }

    /** Python's {@code int(x)}, limited to the range of an {@code int}. */
    default int asInt() {
        long value = asLong();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ExpressionException("integer " + value + " is out of range");
        }
        return (int) value;
    }

    /** The items of a list. */
    default List<Value> asList() {
        throw new ExpressionException("expected a list, got " + typeName());
    }
}
