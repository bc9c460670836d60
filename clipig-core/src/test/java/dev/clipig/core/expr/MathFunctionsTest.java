package dev.clipig.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CLIPig evaluates expressions after {@code from math import *}, so every member of Python's math
 * module is a bare name there. Expected values are what Python 3.11 prints for the same expression
 * (a tuple printed as a list).
 */
class MathFunctionsTest {

    private static Value eval(String source) {
        return Expression.parse(source).evaluate(Variables.empty());
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {
            "factorial(0) | 1",
            "factorial(20) | 2432902008176640000",
            "gcd() | 0",
            "gcd(12, -18) | 6",
            "gcd(0, 0, 7) | 7",
            "lcm() | 1",
            "lcm(4, 6) | 12",
            "lcm(3, 0, 5) | 0",
            "lcm(-4, 6) | 12",
            "comb(10, 3) | 120",
            "comb(3, 10) | 0",
            "comb(60, 30) | 118264581564861424",
            "comb(1000000000, 2) | 499999999500000000",
            "perm(5) | 120",
            "perm(10, 3) | 720",
            "perm(3, 5) | 0",
            "gamma(5) | 24.0",
            "modf(3.5) | [0.5, 3.0]",
            "modf(-3.5) | [-0.5, -3.0]",
            "modf(2) | [0.0, 2.0]",
            "frexp(8) | [0.5, 4]",
            "frexp(-0.75) | [-0.75, 0]",
            "frexp(0.0) | [0.0, 0]",
            "frexp(5e-324) | [0.5, -1073]",
            "ldexp(0.5, 4) | 8.0",
            "ldexp(1, -1080) | 0.0",
            "fsum([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]) | 1.0",
            "fsum([1e100, 1.0, -1e100]) | 1.0",
            "fsum([]) | 0.0",
            "prod([1, 2, 3, 4]) | 24",
            "prod([2, 0.5]) | 1.0",
            "prod([]) | 1",
            "dist([0, 0], [3, 4]) | 5.0",
            "dist([1e200, 0], [-1e200, 0]) == 2e200 | True",
            "dist([], []) | 0.0",
            "isqrt(0) | 0",
            "isqrt(15) | 3",
            "isqrt(16) | 4",
            "isqrt(9223372036854775807) | 3037000499",
            "isclose(1.0, 1.0 + 1e-10) | True",
            "isclose(1.0, 1.001) | False",
            "isclose(0.0, 1e-300) | False",
            "remainder(5, 3) | -1.0",
            "remainder(-5.5, 2) | 0.5",
            "remainder(3, inf) | 3.0",
    })
    void evaluatesLikePython(String source, String expected) {
        assertEquals(expected, eval(source).toString());
    }

    /** The special functions agree with Python's to a few units in the last place, not to the bit. */
    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', value = {
            "erf(0.5) | 0.5204998778130465",
            "erf(-3.0) | -0.9999779095030014",
            "erfc(10.0) | 2.088487583762545e-45",
            "erfc(-1.0) | 1.842700792949715",
            "gamma(0.5) | 1.7724538509055159",
            "gamma(-2.5) | -0.9453087204829417",
            "lgamma(0.5) | 0.5723649429247004",
            "lgamma(-2.5) | -0.05624371649767457",
            "lgamma(100) | 359.1342053695754",
    })
    void specialFunctionsAgreeWithPython(String source, double expected) {
        double actual = eval(source).asDouble();
        assertEquals(expected, actual, Math.abs(expected) * 1e-13, source);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "factorial(-1) | factorial() not defined for negative values",
            "factorial(21) | integer result is too large",
            "factorial(2.0) | 'float' object cannot be interpreted as an integer",
            "comb(-1, 2) | n must be a non-negative integer",
            "comb(100, 50) | integer result is too large",
            "perm(5, -1) | k must be a non-negative integer",
            "lcm(9223372036854775807, 2) | integer result is too large",
            "isqrt(-1) | isqrt() argument must be nonnegative",
            "gamma(0) | math domain error",
            "gamma(-3) | math domain error",
            "gamma(200) | math range error",
            "lgamma(0) | math domain error",
            "lgamma(-2) | math domain error",
            "remainder(1, 0) | math domain error",
            "ldexp(1.0, 2000) | math range error",
            "fsum([inf, -inf]) | -inf + inf in fsum",
            "fsum([1e308, 1e308]) | intermediate overflow in fsum",
            "dist([1, 2], [1]) | both points must have the same number of dimensions",
    })
    void failsAsPythonDoesInOneLine(String source, String reason) {
        ExpressionException e = assertThrows(ExpressionException.class, () -> eval(source));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
    }
}
