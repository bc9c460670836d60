package dev.clipig.core.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * The functions and constants an expression may name: the Python builtins and {@code math} members
 * that CLIPig's expressions see. This table is the whole reach of the language; there is no other way
 * to call anything.
 *
 * <p>As in CLIPig, {@code pow} is {@code math.pow} (always a float). Math functions fail where Python's
 * raise: "math domain error" when a finite argument has no finite result, "math range error" when the
 * result overflows.
 */
final class Builtins {

    /** A pure function of its arguments. */
    record Builtin(String name, int minArgs, int maxArgs, Function<List<Value>, Value> body) {

        Value apply(List<Value> args) {
            return body.apply(args);
        }
    }

    /** Above this size {@code x * x} may overflow, and {@code asinh(x) = log(2x)} to double precision. */
    private static final double HUGE = 1.0e8;

    private static final Map<String, Builtin> FUNCTIONS = new HashMap<>();
    private static final Map<String, Value> CONSTANTS = Map.of(
            "pi", Value.of(Math.PI),
            "e", Value.of(Math.E),
            "tau", Value.of(2 * Math.PI),
            "inf", Value.of(Double.POSITIVE_INFINITY),
            "nan", Value.of(Double.NaN),
            "True", Value.of(true),
            "False", Value.of(false));

    static {
        define("int", 1, 1, a -> Value.of(a.get(0).asLong()));
        define("float", 1, 1, a -> Value.of(a.get(0).asDouble()));
        define("bool", 1, 1, a -> Value.of(a.get(0).isTrue()));
        define("abs", 1, 1, a -> absolute(a.get(0)));
        define("round", 1, 2, Builtins::round);
        define("min", 1, Integer.MAX_VALUE, a -> extreme("min", a, -1));
        define("max", 1, Integer.MAX_VALUE, a -> extreme("max", a, 1));
        define("sum", 1, 2, Builtins::sum);
        define("len", 1, 1, a -> Value.of((long) length(a.get(0))));

        unary("sqrt", Math::sqrt, false);
        unary("exp", Math::exp, true);
        unary("expm1", Math::expm1, true);
        unary("log2", Builtins::log2, false);
        unary("log10", Math::log10, false);
        unary("log1p", Math::log1p, false);
        unary("sin", Math::sin, false);
        unary("cos", Math::cos, false);
        unary("tan", Math::tan, false);
        unary("asin", Math::asin, false);
        unary("acos", Math::acos, false);
        unary("atan", Math::atan, false);
        unary("sinh", Math::sinh, true);
        unary("cosh", Math::cosh, true);
        unary("tanh", Math::tanh, false);
        unary("asinh", Builtins::asinh, false);
        unary("acosh", Builtins::acosh, false);
        unary("atanh", x -> 0.5 * Math.log1p(2.0 * x / (1.0 - x)), false);
        unary("degrees", Math::toDegrees, false);
        unary("radians", Math::toRadians, false);
        unary("fabs", Math::abs, false);
        binary("atan2", Math::atan2, false);
        binary("pow", Builtins::mathPow, true);
        binary("fmod", (x, y) -> y == 0.0 ? Double.NaN : x % y, false);
        binary("copysign", Math::copySign, false);
        binary("hypot", Math::hypot, true);
        define("log", 1, 2, Builtins::log);
        define("floor", 1, 1, a -> integral(Math.floor(a.get(0).asDouble())));
        define("ceil", 1, 1, a -> integral(Math.ceil(a.get(0).asDouble())));
        define("trunc", 1, 1, a -> Value.of(a.get(0).asLong()));
        define("isnan", 1, 1, a -> Value.of(Double.isNaN(a.get(0).asDouble())));
        define("isinf", 1, 1, a -> Value.of(Double.isInfinite(a.get(0).asDouble())));
        define("isfinite", 1, 1, a -> Value.of(Double.isFinite(a.get(0).asDouble())));
    }

    private Builtins() {
    }

    static Optional<Builtin> function(String name) {
        return Optional.ofNullable(FUNCTIONS.get(name));
    }

    static Optional<Value> constant(String name) {
        return Optional.ofNullable(CONSTANTS.get(name));
    }

    private static void define(String name, int minArgs, int maxArgs, Function<List<Value>, Value> body) {
        FUNCTIONS.put(name, new Builtin(name, minArgs, maxArgs, body));
    }

    private static void unary(String name, DoubleUnaryOperator f, boolean overflows) {
        define(name, 1, 1, a -> {
            double x = a.get(0).asDouble();
            return checked(f.applyAsDouble(x), Double.isFinite(x), Double.isNaN(x), overflows);
        });
    }

    private static void binary(String name, DoubleBinaryOperator f, boolean overflows) {
        define(name, 2, 2, a -> {
            double x = a.get(0).asDouble();
            double y = a.get(1).asDouble();
            return checked(f.applyAsDouble(x, y), Double.isFinite(x) && Double.isFinite(y),
                    Double.isNaN(x) || Double.isNaN(y), overflows);
        });
    }

    /** Python's math errors: NaN or infinity out of arguments that were neither. */
    private static Value checked(double result, boolean finiteArgs, boolean nanArgs, boolean overflows) {
        if (Double.isNaN(result) && !nanArgs) {
            throw new ExpressionException("math domain error");
        }
        if (Double.isInfinite(result) && finiteArgs) {
            throw new ExpressionException(overflows ? "math range error" : "math domain error");
        }
        return Value.of(result);
    }

    /** Exact for powers of two, which {@code log(x) / log(2)} is not. */
    private static double log2(double x) {
        if (x > 0.0 && Double.isFinite(x) && x == Math.scalb(1.0, Math.getExponent(x))) {
            return Math.getExponent(x);
        }
        return Math.log(x) / Math.log(2.0);
    }

    private static double asinh(double x) {
        double a = Math.abs(x);
        double r = a > HUGE ? Math.log(a) + Math.log(2.0) : Math.log1p(a + a * a / (1.0 + Math.sqrt(1.0 + a * a)));
        return Math.copySign(r, x);
    }

    private static double acosh(double x) {
        if (x < 1.0) {
            return Double.NaN;
        }
        return x > HUGE ? Math.log(x) + Math.log(2.0) : Math.log(x + Math.sqrt(x * x - 1.0));
    }

    private static double mathPow(double x, double y) {
        if (x == 1.0 || y == 0.0) {
            return 1.0;
        }
        if (x == 0.0 && y < 0.0) {
            return Double.NaN;
        }
        return Math.pow(x, y);
    }

    private static Value log(List<Value> args) {
        double x = args.get(0).asDouble();
        Value ln = checked(Math.log(x), Double.isFinite(x), Double.isNaN(x), false);
        if (args.size() == 1) {
            return ln;
        }
        double base = args.get(1).asDouble();
        Value lnBase = checked(Math.log(base), Double.isFinite(base), Double.isNaN(base), false);
        if (lnBase.asDouble() == 0.0) {
            throw new ExpressionException("division by zero");
        }
        return Value.of(ln.asDouble() / lnBase.asDouble());
    }

    private static Value integral(double value) {
        return Value.of(new FloatValue(value).asLong());
    }

    private static Value absolute(Value v) {
        if (v instanceof FloatValue f) {
            return Value.of(Math.abs(f.value()));
        }
        long x = v.asLong();
        if (x == Long.MIN_VALUE) {
            throw new ExpressionException("integer result is too large");
        }
        return Value.of(Math.abs(x));
    }

    /**
     * Python's {@code round}: halves go to the even neighbour, judged on the exact binary value
     * ({@code round(2.675, 2) == 2.67}); without digits the result is an int.
     */
    private static Value round(List<Value> args) {
        Value x = args.get(0);
        if (!x.isNumber()) {
            throw new ExpressionException("type " + x.typeName() + " doesn't define __round__");
        }
        if (args.size() == 1) {
            if (Arithmetic.isInteger(x)) {
                return Value.of(x.asLong());
            }
            return Value.of(new FloatValue(Math.rint(x.asDouble())).asLong());
        }
        int digits = args.get(1).asInt();
        if (Arithmetic.isInteger(x)) {
            if (digits >= 0) {
                return Value.of(x.asLong());
            }
            BigDecimal rounded = BigDecimal.valueOf(x.asLong()).setScale(Math.max(digits, -20), RoundingMode.HALF_EVEN);
            try {
                return Value.of(rounded.longValueExact());
            } catch (ArithmeticException overflow) {
                throw new ExpressionException("integer result is too large");
            }
        }
        double value = x.asDouble();
        if (!Double.isFinite(value)) {
            return x;
        }
        int scale = Math.max(-400, Math.min(400, digits));
        return Value.of(new BigDecimal(value).setScale(scale, RoundingMode.HALF_EVEN).doubleValue());
    }

    /** min/max of the arguments, or of the single list argument; the first extreme one wins. */
    private static Value extreme(String name, List<Value> args, int sign) {
        List<Value> items = args.size() == 1 ? args.get(0).asList() : args;
        if (items.isEmpty()) {
            throw new ExpressionException(name + "() arg is an empty sequence");
        }
        Value best = items.get(0);
        for (Value v : items.subList(1, items.size())) {
            if (Arithmetic.compare(sign < 0 ? "<" : ">", v, best) * sign > 0) {
                best = v;
            }
        }
        return best;
    }

    private static Value sum(List<Value> args) {
        Value total = args.size() > 1 ? args.get(1) : Value.of(0L);
        for (Value v : args.get(0).asList()) {
            total = Arithmetic.add(total, v);
        }
        return total;
    }

    private static int length(Value v) {
        if (v instanceof DictValue dict) {
            return dict.size();
        }
        return v.asList().size();
    }
}
