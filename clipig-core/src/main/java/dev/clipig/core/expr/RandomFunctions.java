package dev.clipig.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Python's {@code random} module, drawing from the random source of the variables an expression is
 * evaluated with: in a run, one seeded by the run's seed and the epoch, so that a run, and a run
 * resumed from its checkpoint, draws the same numbers every time. The distributions are Python's,
 * the numbers are not (Python's generator is a Mersenne twister of its own state).
 *
 * <p>Functions that change a list in place or the generator's state ({@code shuffle}, {@code seed},
 * {@code setstate}) have no place in an expression and are absent; so are keyword-only arguments
 * ({@code choices(..., k=3)}), which the language has no syntax for.
 */
final class RandomFunctions {

    private RandomFunctions() {
    }

    static List<Builtin> all() {
        return List.of(
                Builtin.drawing("random", 0, 0, (a, r) -> Value.of(r.nextDouble())),
                Builtin.drawing("uniform", 2, 2, (a, r) -> Value.of(uniform(r, a.get(0).asDouble(), a.get(1).asDouble()))),
                Builtin.drawing("triangular", 0, 3, RandomFunctions::triangular),
                Builtin.drawing("randint", 2, 2, (a, r) -> randint(r, MathFunctions.integer(a.get(0)),
                        MathFunctions.integer(a.get(1)))),
                Builtin.drawing("randrange", 1, 3, RandomFunctions::randrange),
                Builtin.drawing("getrandbits", 1, 1, (a, r) -> getrandbits(r, MathFunctions.integer(a.get(0)))),
                Builtin.drawing("choice", 1, 1, (a, r) -> choice(r, a.get(0).asList())),
                Builtin.drawing("choices", 1, 2, RandomFunctions::choices),
                Builtin.drawing("sample", 2, 2, (a, r) -> sample(r, a.get(0).asList(), MathFunctions.integer(a.get(1)))),
                Builtin.drawing("gauss", 0, 2, (a, r) -> Value.of(normal(r, a))),
                Builtin.drawing("normalvariate", 0, 2, (a, r) -> Value.of(normal(r, a))),
                Builtin.drawing("lognormvariate", 2, 2, (a, r) -> Value.of(Math.exp(normal(r, a)))),
                Builtin.drawing("expovariate", 0, 1, (a, r) -> Value.of(
                        -Math.log(1.0 - r.nextDouble()) / nonZero(a.isEmpty() ? 1.0 : a.get(0).asDouble()))),
                Builtin.drawing("vonmisesvariate", 2, 2, (a, r) -> Value.of(
                        vonMises(r, a.get(0).asDouble(), a.get(1).asDouble()))),
                Builtin.drawing("gammavariate", 2, 2, (a, r) -> Value.of(
                        gamma(r, a.get(0).asDouble(), a.get(1).asDouble()))),
                Builtin.drawing("betavariate", 2, 2, (a, r) -> Value.of(
                        beta(r, a.get(0).asDouble(), a.get(1).asDouble()))),
                Builtin.drawing("paretovariate", 1, 1, (a, r) -> Value.of(
                        Math.pow(1.0 - r.nextDouble(), -1.0 / nonZero(a.get(0).asDouble())))),
                Builtin.drawing("weibullvariate", 2, 2, (a, r) -> Value.of(a.get(0).asDouble()
                        * Math.pow(-Math.log(1.0 - r.nextDouble()), 1.0 / nonZero(a.get(1).asDouble())))));
    }

    private static double uniform(RandomGenerator r, double a, double b) {
        return a + (b - a) * r.nextDouble();
    }

    /** Python's arguments: low = 0, high = 1, and the mode halfway between them unless given. */
    private static Value triangular(List<Value> a, RandomGenerator r) {
        double low = a.size() > 0 ? a.get(0).asDouble() : 0.0;
        double high = a.size() > 1 ? a.get(1).asDouble() : 1.0;
        if (high == low) {
            return Value.of(low);
        }
        double c = a.size() > 2 ? (a.get(2).asDouble() - low) / (high - low) : 0.5;
        double u = r.nextDouble();
        if (u > c) {
            u = 1.0 - u;
            c = 1.0 - c;
            double swap = low;
            low = high;
            high = swap;
        }
        return Value.of(low + (high - low) * Math.sqrt(u * c));
    }

    private static Value randint(RandomGenerator r, long a, long b) {
        if (b < a) {
            throw new ExpressionException("empty range for randint(" + a + ", " + b + ")");
        }
        return Value.of(a + below(r, b - a + 1));
    }

    /** randrange(stop), randrange(start, stop) or randrange(start, stop, step), stop excluded. */
    private static Value randrange(List<Value> a, RandomGenerator r) {
        long start = a.size() > 1 ? MathFunctions.integer(a.get(0)) : 0;
        long stop = MathFunctions.integer(a.get(a.size() > 1 ? 1 : 0));
        long step = a.size() > 2 ? MathFunctions.integer(a.get(2)) : 1;
        if (step == 0) {
            throw new ExpressionException("zero step for randrange()");
        }
        long span;
        try {
            span = step > 0 ? Math.subtractExact(stop, start) : Math.subtractExact(start, stop);
        } catch (ArithmeticException overflow) {
            throw new ExpressionException("integer result is too large");
        }
        if (span <= 0) {
            throw new ExpressionException("empty range for randrange(" + start + ", " + stop + ", " + step + ")");
        }
        long count = (span - 1) / Math.abs(step) + 1;
        return Value.of(start + step * below(r, count));
    }

    /** A uniform long in [0, n); n is not positive when the span overflowed. */
    private static long below(RandomGenerator r, long n) {
        if (n <= 0) {
            throw new ExpressionException("integer result is too large");
        }
        return r.nextLong(n);
    }

    private static Value getrandbits(RandomGenerator r, long bits) {
        if (bits < 0) {
            throw new ExpressionException("number of bits must be non-negative");
        }
        if (bits > 63) {
            throw new ExpressionException("integer result is too large");
        }
        return Value.of(bits == 0 ? 0L : r.nextLong() >>> (64 - bits));
    }

    private static Value choice(RandomGenerator r, List<Value> items) {
        if (items.isEmpty()) {
            throw new ExpressionException("cannot choose from an empty sequence");
        }
        return items.get(r.nextInt(items.size()));
    }

    /** One choice (Python's k = 1), as a list, optionally weighted. */
    private static Value choices(List<Value> a, RandomGenerator r) {
        List<Value> population = a.get(0).asList();
        if (a.size() == 1) {
            return Value.of(List.of(choice(r, population)));
        }
        List<Value> weights = a.get(1).asList();
        if (weights.size() != population.size()) {
            throw new ExpressionException("the number of weights does not match the population");
        }
        double[] cumulative = new double[weights.size()];
        double total = 0.0;
        for (int i = 0; i < cumulative.length; i++) {
            total += weights.get(i).asDouble();
            cumulative[i] = total;
        }
        if (!(total > 0.0) || Double.isInfinite(total)) {
            throw new ExpressionException("total of weights must be greater than zero and finite");
        }
        double x = r.nextDouble() * total;
        int i = 0;
        while (i < cumulative.length - 1 && cumulative[i] <= x) {
            i++;
        }
        return Value.of(List.of(population.get(i)));
    }

    /** k distinct items in random order: the first k places of a Fisher–Yates shuffle of a copy. */
    private static Value sample(RandomGenerator r, List<Value> population, long k) {
        if (k < 0 || k > population.size()) {
            throw new ExpressionException("sample larger than population or is negative");
        }
        List<Value> items = new ArrayList<>(population);
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(items.size() - i);
            Value swap = items.get(i);
            items.set(i, items.get(j));
            items.set(j, swap);
        }
        return Value.of(items.subList(0, (int) k));
    }

    /** gauss / normalvariate(mu = 0, sigma = 1). */
    private static double normal(RandomGenerator r, List<Value> a) {
        double mu = a.size() > 0 ? a.get(0).asDouble() : 0.0;
        double sigma = a.size() > 1 ? a.get(1).asDouble() : 1.0;
        return mu + sigma * r.nextGaussian();
    }

    /** Best and Fisher's rejection method (1979), the one Python uses; an angle in [0, 2π). */
    private static double vonMises(RandomGenerator r, double mu, double kappa) {
        double twoPi = 2.0 * Math.PI;
        if (kappa <= 1e-6) {
            return twoPi * r.nextDouble();
        }
        double s = 0.5 / kappa;
        double rho = s + Math.sqrt(1.0 + s * s);
        double z;
        while (true) {
            z = Math.cos(Math.PI * r.nextDouble());
            double d = z / (rho + z);
            double u = r.nextDouble();
            if (u < 1.0 - d * d || u <= (1.0 - d) * Math.exp(d)) {
                break;
            }
        }
        double q = 1.0 / rho;
        double f = (q + z) / (1.0 + q * z);
        double theta = r.nextDouble() > 0.5 ? mu + Math.acos(f) : mu - Math.acos(f);
        return ((theta % twoPi) + twoPi) % twoPi;
    }

    /** Shape alpha, scale beta: Marsaglia and Tsang's method (2000), boosted for alpha below 1. */
    private static double gamma(RandomGenerator r, double alpha, double beta) {
        if (!(alpha > 0.0) || !(beta > 0.0)) {
            throw new ExpressionException("gammavariate: alpha and beta must be > 0.0");
        }
        if (alpha < 1.0) {
            return gamma(r, alpha + 1.0, beta) * Math.pow(1.0 - r.nextDouble(), 1.0 / alpha);
        }
        double d = alpha - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = r.nextGaussian();
            double v = 1.0 + c * x;
            if (v <= 0.0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - r.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v * beta;
            }
        }
    }

    private static double beta(RandomGenerator r, double alpha, double beta) {
        double y = gamma(r, alpha, 1.0);
        return y == 0.0 ? 0.0 : y / (y + gamma(r, beta, 1.0));
    }

    private static double nonZero(double divisor) {
        if (divisor == 0.0) {
            throw new ExpressionException("float division by zero");
        }
        return divisor;
    }
}
