package dev.clipig.core.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Python 3's arithmetic on {@link Value}s: int op int stays int (an overflow of {@code long} is an
 * error where Python would grow the integer), mixing in a float gives a float, {@code /} always divides
 * truly, {@code //} and {@code %} round towards negative infinity, and dividing by zero is an error.
 */
final class Arithmetic {

    private Arithmetic() {
    }

    static Value add(Value a, Value b) {
        if (a instanceof ListValue x && b instanceof ListValue y) {
            List<Value> joined = new ArrayList<>(x.items());
            joined.addAll(y.items());
            return new ListValue(joined);
        }
        requireNumbers("+", a, b);
        if (isInteger(a) && isInteger(b)) {
            return exact(() -> Math.addExact(a.asLong(), b.asLong()));
        }
        return Value.of(a.asDouble() + b.asDouble());
    }

    static Value subtract(Value a, Value b) {
        requireNumbers("-", a, b);
        if (isInteger(a) && isInteger(b)) {
            return exact(() -> Math.subtractExact(a.asLong(), b.asLong()));
        }
        return Value.of(a.asDouble() - b.asDouble());
    }

    static Value multiply(Value a, Value b) {
        requireNumbers("*", a, b);
        if (isInteger(a) && isInteger(b)) {
            return exact(() -> Math.multiplyExact(a.asLong(), b.asLong()));
        }
        return Value.of(a.asDouble() * b.asDouble());
    }

    static Value divide(Value a, Value b) {
        requireNumbers("/", a, b);
        if (b.asDouble() == 0.0) {
            throw new ExpressionException("division by zero");
        }
        return Value.of(a.asDouble() / b.asDouble());
    }

    static Value floorDivide(Value a, Value b) {
        requireNumbers("//", a, b);
        if (isInteger(a) && isInteger(b)) {
            long x = a.asLong();
            long y = b.asLong();
            if (y == 0) {
                throw new ExpressionException("integer division or modulo by zero");
            }
            if (x == Long.MIN_VALUE && y == -1) {
                throw new ExpressionException("integer result is too large");
            }
            return Value.of(Math.floorDiv(x, y));
        }
        double x = a.asDouble();
        double y = b.asDouble();
        if (y == 0.0) {
            throw new ExpressionException("float floor division by zero");
        }
        return Value.of(floatFloorDivide(x, y));
    }

    static Value modulo(Value a, Value b) {
        requireNumbers("%", a, b);
        if (isInteger(a) && isInteger(b)) {
            long y = b.asLong();
            if (y == 0) {
                throw new ExpressionException("integer division or modulo by zero");
            }
            return Value.of(Math.floorMod(a.asLong(), y));
        }
        double x = a.asDouble();
        double y = b.asDouble();
        if (y == 0.0) {
            throw new ExpressionException("float modulo by zero");
        }
        return Value.of(floatModulo(x, y));
    }

    static Value power(Value a, Value b) {
        requireNumbers("**", a, b);
        if (isInteger(a) && isInteger(b) && b.asLong() >= 0) {
            return Value.of(integerPower(a.asLong(), b.asLong()));
        }
        double x = a.asDouble();
        double y = b.asDouble();
        if (x == 0.0 && y < 0.0) {
            throw new ExpressionException("0.0 cannot be raised to a negative power");
        }
        if (x < 0.0 && Double.isFinite(y) && y != Math.rint(y)) {
            throw new ExpressionException("a negative number raised to a fractional power is complex");
        }
        if (x == 1.0 || y == 0.0) {
            return Value.of(1.0);
        }
        double result = Math.pow(x, y);
        if (Double.isInfinite(result) && Double.isFinite(x) && Double.isFinite(y)) {
            throw new ExpressionException("result of ** is too large");
        }
        return Value.of(result);
    }

    static Value negate(Value a) {
        if (isInteger(a)) {
            return exact(() -> Math.negateExact(a.asLong()));
        }
        if (a instanceof FloatValue f) {
            return Value.of(-f.value());
        }
        throw new ExpressionException("bad operand type for unary -: '" + a.typeName() + "'");
    }

    static Value plus(Value a) {
        if (!a.isNumber()) {
            throw new ExpressionException("bad operand type for unary +: '" + a.typeName() + "'");
        }
        return a instanceof BoolValue ? Value.of(a.asLong()) : a;
    }

    /** Python's {@code ==}: numbers by value across int, float and bool; lists item by item. */
    static boolean equal(Value a, Value b) {
        if (a.isNumber() && b.isNumber()) {
            return isInteger(a) && isInteger(b) ? a.asLong() == b.asLong() : a.asDouble() == b.asDouble();
        }
        if (a instanceof ListValue x && b instanceof ListValue y) {
            if (x.items().size() != y.items().size()) {
                return false;
            }
            for (int i = 0; i < x.items().size(); i++) {
                if (!equal(x.items().get(i), y.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Python's ordering of numbers; anything else cannot be ordered here. */
    static int compare(String operator, Value a, Value b) {
        if (!a.isNumber() || !b.isNumber()) {
            throw new ExpressionException("'" + operator + "' is not supported between '" + a.typeName()
                    + "' and '" + b.typeName() + "'");
        }
        return isInteger(a) && isInteger(b) ? Long.compare(a.asLong(), b.asLong())
                : Double.compare(a.asDouble(), b.asDouble());
    }

    /** Whether {@code a < b} etc. holds; comparisons with NaN are false, as in Python. */
    static boolean ordered(String operator, Value a, Value b) {
        int c = compare(operator, a, b);
        if (!(isInteger(a) && isInteger(b)) && (Double.isNaN(a.asDouble()) || Double.isNaN(b.asDouble()))) {
            return false;
        }
        return switch (operator) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> throw new IllegalArgumentException(operator);
        };
    }

    /** Python's {@code in} for lists (by equality) and dicts (by key). */
    static boolean contains(Value container, Value item) {
        if (container instanceof ListValue list) {
            return list.items().stream().anyMatch(v -> equal(v, item));
        }
        if (container instanceof DictValue dict) {
            return dict.containsKey(item);
        }
        throw new ExpressionException("argument of type '" + container.typeName() + "' is not iterable");
    }

    static boolean isInteger(Value v) {
        return v instanceof IntValue || v instanceof BoolValue;
    }

    /** Square and multiply, failing as soon as an intermediate result leaves {@code long}. */
    private static long integerPower(long base, long exponent) {
        long result = 1;
        long square = base;
        long e = exponent;
        try {
            while (e > 0) {
                if ((e & 1) == 1) {
                    result = Math.multiplyExact(result, square);
                }
                e >>= 1;
                if (e > 0) {
                    square = Math.multiplyExact(square, square);
                }
            }
        } catch (ArithmeticException overflow) {
            throw new ExpressionException("integer result of ** is too large");
        }
        return result;
    }

    /** CPython's float floor division: floor of the quotient derived from fmod, so that x == q*y + r. */
    private static double floatFloorDivide(double x, double y) {
        double mod = x % y;
        double div = (x - mod) / y;
        if (mod != 0.0 && (y < 0.0) != (mod < 0.0)) {
            div -= 1.0;
        }
        if (div == 0.0) {
            return Math.copySign(0.0, x / y);
        }
        double floor = Math.floor(div);
        return div - floor > 0.5 ? floor + 1.0 : floor;
    }

    /** CPython's float modulo: the remainder takes the sign of the divisor. */
    private static double floatModulo(double x, double y) {
        double mod = x % y;
        if (mod != 0.0) {
            return (y < 0.0) != (mod < 0.0) ? mod + y : mod;
        }
        return Math.copySign(0.0, y);
    }

    private static void requireNumbers(String operator, Value a, Value b) {
        if (!a.isNumber() || !b.isNumber()) {
            throw new ExpressionException("unsupported operand types for " + operator + ": '" + a.typeName()
                    + "' and '" + b.typeName() + "'");
        }
    }

    private interface LongOperation {
        long apply();
    }

    private static Value exact(LongOperation operation) {
        try {
            return Value.of(operation.apply());
        } catch (ArithmeticException overflow) {
            throw new ExpressionException("integer result is too large");
        }
    }
}
