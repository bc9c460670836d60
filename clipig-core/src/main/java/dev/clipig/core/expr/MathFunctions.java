package dev.clipig.core.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.Gamma;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * Python's {@code math} module. As in CLIPig, {@code pow} is {@code math.pow} (always a float).
 * Functions fail where Python's raise: "math domain error" when a finite argument has no finite
 * result, "math range error" when the result overflows. Python's ints are unbounded and ours are
 * {@code long}s, so an integer result beyond that range is an error rather than a big number.
 */
final class MathFunctions {

    /** Above this size {@code x * x} may overflow, and {@code asinh(x) = log(2x)} to double precision. */
    private static final double HUGE = 1.0e8;

    private MathFunctions() {
    }

    static List<Builtin> all() {
        List<Builtin> all = new ArrayList<>();
        Function<List<Value>, Value> floor = a -> integral(Math.floor(a.get(0).asDouble()));
        Function<List<Value>, Value> ceil = a -> integral(Math.ceil(a.get(0).asDouble()));
        all.add(unary("sqrt", Math::sqrt, false));
        all.add(unary("exp", Math::exp, true));
        all.add(unary("expm1", Math::expm1, true));
        all.add(unary("log2", MathFunctions::log2, false));
        all.add(unary("log10", Math::log10, false));
        all.add(unary("log1p", Math::log1p, false));
        all.add(unary("sin", Math::sin, false));
        all.add(unary("cos", Math::cos, false));
        all.add(unary("tan", Math::tan, false));
        all.add(unary("asin", Math::asin, false));
        all.add(unary("acos", Math::acos, false));
        all.add(unary("atan", Math::atan, false));
        all.add(unary("sinh", Math::sinh, true));
        all.add(unary("cosh", Math::cosh, true));
        all.add(unary("tanh", Math::tanh, false));
        all.add(unary("asinh", MathFunctions::asinh, false));
        all.add(unary("acosh", MathFunctions::acosh, false));
        all.add(unary("atanh", x -> 0.5 * Math.log1p(2.0 * x / (1.0 - x)), false));
        all.add(unary("degrees", Math::toDegrees, false));
        all.add(unary("radians", Math::toRadians, false));
        all.add(unary("fabs", Math::abs, false));
        all.add(unary("erf", Erf::value, false));
        all.add(unary("erfc", Erfc::value, false));
        all.add(unary("gamma", Gamma::value, true));
        all.add(unary("lgamma", MathFunctions::lgamma, true));
        all.add(binary("atan2", Math::atan2, false));
        all.add(binary("pow", MathFunctions::mathPow, true));
        all.add(binary("fmod", (x, y) -> y == 0.0 ? Double.NaN : x % y, false));
        all.add(binary("remainder", Math::IEEEremainder, false));
        all.add(binary("copysign", Math::copySign, false));
        all.add(binary("hypot", Math::hypot, true));
        all.add(Builtin.pure("log", 1, 2, MathFunctions::log));
        all.add(Builtin.pure("floor", 1, 1, floor));
        all.add(Builtin.pure("ceil", 1, 1, ceil));
        all.add(Builtin.pure("trunc", 1, 1, a -> Value.of(a.get(0).asLong())));
        all.add(Builtin.pure("isnan", 1, 1, a -> Value.of(Double.isNaN(a.get(0).asDouble()))));
        all.add(Builtin.pure("isinf", 1, 1, a -> Value.of(Double.isInfinite(a.get(0).asDouble()))));
        all.add(Builtin.pure("isfinite", 1, 1, a -> Value.of(Double.isFinite(a.get(0).asDouble()))));
        all.add(Builtin.pure("isclose", 2, 2, a -> Value.of(isClose(a.get(0).asDouble(), a.get(1).asDouble()))));
        all.add(Builtin.pure("modf", 1, 1, a -> modf(a.get(0).asDouble())));
        all.add(Builtin.pure("frexp", 1, 1, a -> frexp(a.get(0).asDouble())));
        all.add(Builtin.pure("ldexp", 2, 2, a -> ldexp(a.get(0).asDouble(), integer(a.get(1)))));
        all.add(Builtin.pure("fsum", 1, 1, a -> fsum(a.get(0).asList())));
        all.add(Builtin.pure("prod", 1, 1, a -> prod(a.get(0).asList())));
        all.add(Builtin.pure("dist", 2, 2, a -> dist(a.get(0).asList(), a.get(1).asList())));
        all.add(Builtin.pure("factorial", 1, 1, a -> factorial(integer(a.get(0)))));
        all.add(Builtin.pure("isqrt", 1, 1, a -> isqrt(integer(a.get(0)))));
        all.add(Builtin.pure("gcd", 0, Integer.MAX_VALUE, MathFunctions::gcd));
        all.add(Builtin.pure("lcm", 0, Integer.MAX_VALUE, MathFunctions::lcm));
        all.add(Builtin.pure("comb", 2, 2, a -> comb(integer(a.get(0)), integer(a.get(1)))));
        all.add(Builtin.pure("perm", 1, 2, a -> perm(integer(a.get(0)), a.size() > 1 ? integer(a.get(1)) : null)));
        return all;
    }

    /**
     * An argument Python's integer functions accept: an int or a bool. A float is refused even when it
     * is whole, as Python 3.10 and later do.
     */
    static long integer(Value v) {
        if (v instanceof IntValue || v instanceof BoolValue) {
            return v.asLong();
        }
        throw new ExpressionException("'" + v.typeName() + "' object cannot be interpreted as an integer");
    }

    private static Builtin unary(String name, DoubleUnaryOperator f, boolean overflows) {
        return Builtin.pure(name, 1, 1, a -> {
            double x = a.get(0).asDouble();
            return checked(f.applyAsDouble(x), Double.isFinite(x), Double.isNaN(x), overflows);
        });
    }

    private static Builtin binary(String name, DoubleBinaryOperator f, boolean overflows) {
        return Builtin.pure(name, 2, 2, a -> {
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

    /** log|Γ(x)|; its poles, the non-positive integers, are a domain error as in Python. */
    private static double lgamma(double x) {
        return x <= 0.0 && x == Math.rint(x) ? Double.NaN : LogGamma.value(x);
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

    /** With Python's default tolerances: relative 1e-9, absolute 0. */
    private static boolean isClose(double a, double b) {
        if (a == b) {
            return true;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return false;
        }
        double difference = Math.abs(b - a);
        return difference <= Math.abs(1e-9 * b) || difference <= Math.abs(1e-9 * a);
    }

    /** (fractional part, integer part), both floats with the sign of x. */
    private static Value modf(double x) {
        if (Double.isInfinite(x)) {
            return Value.of(List.of(Value.of(Math.copySign(0.0, x)), Value.of(x)));
        }
        double whole = x < 0 ? Math.ceil(x) : Math.floor(x);
        return Value.of(List.of(Value.of(Math.copySign(x - whole, x)), Value.of(whole)));
    }

    /** (m, e) with x = m * 2**e and 0.5 <= |m| < 1; (x, 0) for zero, infinities and NaN. */
    private static Value frexp(double x) {
        if (x == 0.0 || !Double.isFinite(x)) {
            return Value.of(List.of(Value.of(x), Value.of(0L)));
        }
        int shift = 0;
        if (Math.getExponent(x) < Double.MIN_EXPONENT) {
            x = Math.scalb(x, 64);
            shift = 64;
        }
        int exponent = Math.getExponent(x) + 1;
        return Value.of(List.of(Value.of(Math.scalb(x, -exponent)), Value.of((long) exponent - shift)));
    }

    private static Value ldexp(double x, long exponent) {
        int e = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, exponent));
        return checked(Math.scalb(x, e), Double.isFinite(x), Double.isNaN(x), true);
    }

    /** The correctly rounded sum, as Python's: the exact sum of the doubles, rounded once. */
    private static Value fsum(List<Value> items) {
        BigDecimal exact = BigDecimal.ZERO;
        boolean nan = false;
        boolean plusInfinity = false;
        boolean minusInfinity = false;
        for (Value item : items) {
            double x = item.asDouble();
            if (Double.isNaN(x)) {
                nan = true;
            } else if (x == Double.POSITIVE_INFINITY) {
                plusInfinity = true;
            } else if (x == Double.NEGATIVE_INFINITY) {
                minusInfinity = true;
            } else {
                exact = exact.add(new BigDecimal(x));
            }
        }
        if (plusInfinity && minusInfinity) {
            throw new ExpressionException("-inf + inf in fsum");
        }
        if (nan || plusInfinity || minusInfinity) {
            return Value.of(nan ? Double.NaN : plusInfinity ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
        }
        double sum = exact.doubleValue();
        if (Double.isInfinite(sum)) {
            throw new ExpressionException("intermediate overflow in fsum");
        }
        return Value.of(sum);
    }

    private static Value prod(List<Value> items) {
        Value product = Value.of(1L);
        for (Value item : items) {
            product = Arithmetic.multiply(product, item);
        }
        return product;
    }

    /** The Euclidean distance, scaled by the largest difference so that squaring cannot overflow. */
    private static Value dist(List<Value> p, List<Value> q) {
        if (p.size() != q.size()) {
            throw new ExpressionException("both points must have the same number of dimensions");
        }
        double[] d = new double[p.size()];
        double largest = 0.0;
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(p.get(i).asDouble() - q.get(i).asDouble());
            largest = Double.isNaN(d[i]) ? d[i] : Math.max(largest, d[i]);
        }
        if (largest == 0.0 || !Double.isFinite(largest)) {
            return Value.of(largest);
        }
        double sum = 0.0;
        for (double di : d) {
            sum += (di / largest) * (di / largest);
        }
        return Value.of(largest * Math.sqrt(sum));
    }

    private static Value factorial(long n) {
        if (n < 0) {
            throw new ExpressionException("factorial() not defined for negative values");
        }
        long product = 1;
        for (long i = 2; i <= n; i++) {
            product = exact(Math.multiplyHigh(product, i) == 0 && product * i >= 0, product * i);
        }
        return Value.of(product);
    }

    private static Value isqrt(long n) {
        if (n < 0) {
            throw new ExpressionException("isqrt() argument must be nonnegative");
        }
        long r = (long) Math.sqrt((double) n);
        while (r > 0 && r > n / r) {
            r--;
        }
        while (r + 1 <= n / (r + 1)) {
            r++;
        }
        return Value.of(r);
    }

    private static Value gcd(List<Value> args) {
        long g = 0;
        for (Value v : args) {
            g = gcd(g, integer(v));
        }
        return Value.of(g);
    }

    private static Value lcm(List<Value> args) {
        long l = 1;
        for (Value v : args) {
            long x = integer(v);
            if (x == 0 || l == 0) {
                l = 0;
                continue;
            }
            try {
                l = Math.absExact(Math.multiplyExact(l / gcd(l, x), x));
            } catch (ArithmeticException overflow) {
                throw new ExpressionException("integer result is too large");
            }
        }
        return Value.of(l);
    }

    /** The non-negative greatest common divisor. */
    private static long gcd(long a, long b) {
        BigInteger g = BigInteger.valueOf(a).gcd(BigInteger.valueOf(b));
        if (g.bitLength() > 63) {
            throw new ExpressionException("integer result is too large");
        }
        return g.longValue();
    }

    /** n choose k, built up as C(n, i) for growing i, which rises while i <= n / 2: overflow ends it early. */
    private static Value comb(long n, long k) {
        nonNegative(n, "n");
        nonNegative(k, "k");
        if (k > n) {
            return Value.of(0L);
        }
        long steps = Math.min(k, n - k);
        BigInteger c = BigInteger.ONE;
        for (long i = 0; i < steps; i++) {
            c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
            exact(c.bitLength() <= 63, 0);
        }
        return Value.of(c.longValue());
    }

    /** n! / (n - k)!, or n! without k. */
    private static Value perm(long n, Long k) {
        nonNegative(n, "n");
        if (k == null) {
            return factorial(n);
        }
        nonNegative(k, "k");
        if (k > n) {
            return Value.of(0L);
        }
        long product = 1;
        for (long i = 0; i < k; i++) {
            long factor = n - i;
            product = exact(Math.multiplyHigh(product, factor) == 0 && product * factor >= 0, product * factor);
        }
        return Value.of(product);
    }

    private static void nonNegative(long value, String name) {
        if (value < 0) {
            throw new ExpressionException(name + " must be a non-negative integer");
        }
    }

    private static long exact(boolean fits, long value) {
        if (!fits) {
            throw new ExpressionException("integer result is too large");
        }
        return value;
    }
}
