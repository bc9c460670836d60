package dev.clipig.core.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The functions and constants an expression may name: the Python builtins here, and the members of
 * {@code math} ({@link MathFunctions}) and {@code random} ({@link RandomFunctions}), which CLIPig's
 * expressions see as bare names ({@code from math import *}, {@code from random import *}). This table
 * is the whole reach of the language; there is no other way to call anything.
 */
final class Builtins {

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
        MathFunctions.all().forEach(f -> FUNCTIONS.put(f.name(), f));
        RandomFunctions.all().forEach(f -> FUNCTIONS.put(f.name(), f));

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
        FUNCTIONS.put(name, Builtin.pure(name, minArgs, maxArgs, body));
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
