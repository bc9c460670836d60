package dev.clipig.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CLIPig evaluates expressions after {@code from random import *}; here the functions draw from the
 * variables' random source, so a seeded source gives a reproducible run. Each distribution is checked
 * by its mean over many draws against the formula Python's documentation gives.
 */
class RandomFunctionsTest {

    private static Variables seeded(long seed) {
        RandomGenerator source = new SplittableRandom(seed);
        return new Variables() {
            @Override
            public Optional<Value> lookup(String name) {
                return Optional.empty();
            }

            @Override
            public RandomGenerator random() {
                return source;
            }
        };
    }

    private static double mean(String source, int draws) {
        Expression e = Expression.parse(source);
        Variables vars = seeded(7);
        double sum = 0.0;
        for (int i = 0; i < draws; i++) {
            sum += e.evaluate(vars).asDouble();
        }
        return sum / draws;
    }

    @Test
    void drawingFunctionsAreNeverFolded() {
        assertFalse(Expression.parse("random()").isConstant());
        assertFalse(Expression.parse("1 + uniform(0, 2) * 3").isConstant());
        assertTrue(Expression.parse("1 + sqrt(4) * 3").isConstant());
    }

    @Test
    void theSameSourceDrawsTheSameNumbers() {
        Expression e = Expression.parse("[random(), gauss(0, 1), randint(1, 1000), choice([1, 2, 3])]");
        assertEquals(e.evaluate(seeded(3)), e.evaluate(seeded(3)));
        assertNotEquals(e.evaluate(seeded(3)), e.evaluate(seeded(4)));
    }

    @Test
    void integersStayInTheirRange() {
        Variables vars = seeded(11);
        Set<Long> dice = new HashSet<>();
        Set<Long> steps = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            dice.add(Expression.parse("randint(1, 6)").evaluate(vars).asLong());
            steps.add(Expression.parse("randrange(10, 0, -3)").evaluate(vars).asLong());
        }
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L), dice);
        assertEquals(Set.of(10L, 7L, 4L, 1L), steps);
        long bits = Expression.parse("getrandbits(5)").evaluate(vars).asLong();
        assertTrue(bits >= 0 && bits < 32, "getrandbits(5) = " + bits);
    }

    @Test
    void sampleDrawsDistinctItems() {
        List<Value> items = Expression.parse("sample([1, 2, 3, 4, 5], 5)").evaluate(seeded(5)).asList();
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L), Set.copyOf(items.stream().map(Value::asLong).toList()));
        List<Value> weighted = Expression.parse("choices([1, 2], [0, 1])").evaluate(seeded(5)).asList();
        assertEquals(List.of(Value.of(2L)), weighted);
    }

    @ParameterizedTest(name = "mean of {0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "random() | 0.5 | 0.01",
            "uniform(2, 4) | 3.0 | 0.02",
            "triangular(0, 3, 3) | 2.0 | 0.02",
            "gauss(1, 2) | 1.0 | 0.05",
            "normalvariate() | 0.0 | 0.02",
            "lognormvariate(0, 0.5) | 1.1331484530668263 | 0.02",
            "expovariate(4) | 0.25 | 0.01",
            "gammavariate(2.5, 2) | 5.0 | 0.1",
            "gammavariate(0.5, 1) | 0.5 | 0.02",
            "betavariate(2, 6) | 0.25 | 0.01",
            "paretovariate(3) | 1.5 | 0.03",
            "weibullvariate(2, 1) | 2.0 | 0.05",
            "cos(vonmisesvariate(1, 4) - 1) | 0.8635 | 0.01",
    })
    void distributionsHaveTheirMeans(String source, double expected, double tolerance) {
        assertEquals(expected, mean(source, 20_000), tolerance, source);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "randint(5, 4) | empty range for randint(5, 4)",
            "randrange(0) | empty range for randrange(0, 0, 1)",
            "randrange(1, 5, 0) | zero step for randrange()",
            "randint(1.5, 3) | 'float' object cannot be interpreted as an integer",
            "choice([]) | cannot choose from an empty sequence",
            "sample([1, 2], 3) | sample larger than population or is negative",
            "choices([1, 2], [1]) | the number of weights does not match the population",
            "gammavariate(0, 1) | gammavariate: alpha and beta must be > 0.0",
            "expovariate(0) | float division by zero",
            "getrandbits(64) | integer result is too large",
    })
    void failsAsPythonDoesInOneLine(String source, String reason) {
        ExpressionException e = assertThrows(ExpressionException.class,
                () -> Expression.parse(source).evaluate(seeded(1)));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
