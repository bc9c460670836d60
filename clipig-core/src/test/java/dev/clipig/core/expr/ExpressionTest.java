package dev.clipig.core.expr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.Step;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpressionTest {

    private static Value eval(String source) {
        return Expression.parse(source).evaluate(Variables.empty());
    }

    private static Value at(String source, double time) {
        return Expression.parse(source).evaluate(Variables.builder().set("time", time)
                .set("time_inverse", 1.0 - time).build());
    }

    /** Expected values as Python 3 prints them: an int has no point, a float has one. */
    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {
            "2**-1 | 0.5",
            "-2**2 | -4",
            "2**3**2 | 512",
            "2**2**-1 | 1.4142135623730951",
            "-1**0.5 | -1.0",
            "7//-2 | -4",
            "-7//2 | -4",
            "-7%3 | 2",
            "7%-3 | -2",
            "7.5//-2 | -4.0",
            "-7.5%2 | 0.5",
            "1//0.1 | 9.0",
            "1/2 | 0.5",
            "4/2 | 2.0",
            "2+3*4 | 14",
            "(2+3)*4 | 20",
            "10-2-3 | 5",
            "2*3//4 | 1",
            "1e-3 | 0.001",
            ".5 + 1. | 1.5",
            "True + True | 2",
            "0 or 5 | 5",
            "1 and 0 | 0",
            "not 1 < 2 or 3 | 3",
            "1 if 0 else 2 if 0 else 3 | 3",
            "1 < 2 < 3 > 2 | True",
            "3 > 2 > 2 | False",
            "1 == 1.0 | True",
            "5 in [1, 5] | True",
            "2 not in {1: 0} | True",
            "[1, 2, 3][-1] | 3",
            "(1, 2)[0] | 1",
            "{1: 10}.get(1.0, 0) | 10",
            "{0: 1, 0.0: 2}[0] | 2",
            "{0: 1}.get(5, -1) | -1",
            "round(2.5) | 2",
            "round(3.5) | 4",
            "round(-2.5) | -2",
            "round(2.675, 2) | 2.67",
            "round(0.125, 2) | 0.12",
            "round(125, -1) | 120",
            "int(-2.7) | -2",
            "float(3) | 3.0",
            "floor(-2.5) | -3",
            "ceil(2.1) | 3",
            "min(3, 1, 2) | 1",
            "max([1, 5.5, 2]) | 5.5",
            "abs(-3) | 3",
            "abs(-3.5) | 3.5",
            "pow(2, 3) | 8.0",
            "sqrt(16) | 4.0",
            "log10(1000) | 3.0",
            "log2(8) | 3.0",
            "log(e) | 1.0",
            "degrees(pi) | 180.0",
            "atan2(0, -1) == pi | True",
            "sum([1, 2, 3]) | 6",
            "len([1, 2]) + len({}) | 2",
            "[1] + [2] == [1, 2] | True",
    })
    void evaluatesLikePython(String source, String expected) {
        assertEquals(expected, eval(source).toString(), source);
    }

    @Test
    void resultTypesFollowPython() {
        assertEquals(Value.of(-4L), eval("-2**2"));
        assertEquals(Value.of(0.5), eval("2**-1"));
        assertEquals(Value.of(2.0), eval("4/2"));
        assertEquals(Value.of(true), eval("1 < 2"));
        assertEquals(List.of(Value.of(1L), Value.of(2.5)), eval("[1, 2.5]").asList());
    }

    @Test
    void method2ResolutionFollowsTime() {
        Expression e = Expression.parse("{0: 8, 1: 8, 2: 16, 3: 32, 4: 64, 5: 128}.get(int(t*16), 224)");
        assertFalse(e.isConstant());
        assertEquals(Set.of("time"), e.variables());
        assertEquals(8, e.evaluate(Variables.builder().set("time", 0.0).build()).asInt());
        assertEquals(8, e.evaluate(Variables.builder().set("t", 1.0 / 16).build()).asInt());
        assertEquals(16, e.evaluate(Variables.builder().set("time", 2.0 / 16).build()).asInt());
        assertEquals(32, e.evaluate(Variables.builder().set("time", 3.5 / 16).build()).asInt());
        assertEquals(128, e.evaluate(Variables.builder().set("time", 5.0 / 16).build()).asInt());
        assertEquals(224, e.evaluate(Variables.builder().set("time", 0.5).build()).asInt());
        assertEquals(224, e.evaluate(Variables.builder().set("time", 1.0).build()).asInt());
    }

    @Test
    void method2ResolutionOverAWholeRun() {
        Expression e = Expression.parse("{0: 8, 1: 8, 2: 16, 3: 32, 4: 64, 5: 128}.get(int(t*16), 224)");
        int previous = 0;
        for (int epoch = 0; epoch < 300; epoch++) {
            int size = e.evaluate(new TrainingTime(epoch, 300)).asInt();
            assertTrue(size >= previous && Set.of(8, 16, 32, 64, 128, 224).contains(size), "epoch " + epoch);
            previous = size;
        }
        assertEquals(224, previous);
    }

    @Test
    void timeInverseNoiseIsTimeDependent() {
        Expression e = Expression.parse("1/5*ti");
        assertFalse(e.isConstant());
        assertEquals(Set.of("time_inverse"), e.variables());
        assertEquals(0.2, at("1/5*ti", 0.0).asDouble(), 1e-15);
        assertEquals(0.1, at("1/5*ti", 0.5).asDouble(), 1e-15);
    }

    @Test
    void constantsAreFolded() {
        Expression e = Expression.parse("1/2");
        assertTrue(e.isConstant());
        assertTrue(e.variables().isEmpty());
        assertEquals(0.5, e.evaluate(Variables.empty()).asDouble());
        assertTrue(Expression.parse("sqrt(2) * {0: 1}.get(0, 2) + max(1, 2)").isConstant());
        assertFalse(Expression.parse("sqrt(2) * t").isConstant());
    }

    @Test
    void trainingTimeVariables() {
        Step vars = new Step(new TrainingTime(3, 7), new Size(64, 48), 2.0, 0.5, 30.0, new SplittableRandom(0));
        assertEquals(0.5, Expression.parse("t").evaluate(vars).asDouble());
        assertEquals(0.25, Expression.parse("t2").evaluate(vars).asDouble());
        assertEquals(0.125, Expression.parse("ti3").evaluate(vars).asDouble());
        assertEquals(3, Expression.parse("epoch").evaluate(vars).asInt());
        assertEquals(112, Expression.parse("res[0] + height").evaluate(vars).asInt());
        assertEquals(1.0, Expression.parse("lr * lrs").evaluate(vars).asDouble());
        assertEquals(30.0, Expression.parse("sim").evaluate(vars).asDouble());
        Variables perFeature = vars.withSimilarity(12.5);
        assertEquals(12.5, Expression.parse("similarity").evaluate(perFeature).asDouble());
        assertEquals(3, Expression.parse("epoch").evaluate(perFeature).asInt());
    }

    @ParameterizedTest(name = "{0} at t={1} == {2}")
    @CsvSource({
            "'time_step(0, 1)', 0.25, 0.25",
            "'time_step(0.5, 1)', 0.25, 0.0",
            "'time_step(0.5, 1)', 0.75, 0.5",
            "'time_step(0.5, 0)', 0.25, 0.5",
            "'ts(0.5, 0)', 0.0, 1.0",
            "'ts(0.5, 0)', 0.9, 0.0",
            "'ts(0.3, 0.3)', 0.3, 1.0",
    })
    void timeStep(String source, double time, double expected) {
        assertEquals(expected, at(source, time).asDouble(), 1e-12);
        assertEquals(Set.of("time"), Expression.parse(source).variables());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "1 + | unexpected end of expression at column 4 in expression '1 +'",
            "foo * 2 | unknown name 'foo' at column 1",
            "sin | function 'sin' must be called",
            "t(1) | 't' is not a function",
            "1/0 | division by zero at column 2 in expression '1/0'",
            "[1][5] | list index 5 out of range",
            "{1: 2}[3] | key 3 not found",
            "[1] + 1 | unsupported operand types for +: 'list' and 'int'",
            "sqrt(-1) | math domain error",
            "exp(1000) | math range error",
            "(-8) ** (1/3) | complex",
            "min() | min() takes at least 1 argument, got 0",
            "round(1, 2, 3) | round() takes 1 to 2 arguments, got 3",
            "1 2 | unexpected '2' at column 3",
            "{1, 2} | set literals are not supported",
            "x = 1 | '=' is not allowed here (compare with '==') at column 3",
            "a[1:2] | unknown name 'a'",
            "[1][0:1] | slices are not supported",
            "007 | leading zeros",
            "1j | invalid number literal",
            "99999999999999999999 | integer literal is too large",
            "2**63 | too large",
            "int(1e300) | too large",
            "int(nan) | cannot convert float NaN to integer",
            "'x' | string literals are not supported",
            "1 if t | expected 'else' but found the end",
    })
    void errorsAreOneLineWithPosition(String source, String expected) {
        ExpressionException e = assertThrows(ExpressionException.class, () -> eval(source));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(source, e.source());
    }

    @Test
    void runtimeErrorsNameExpressionAndColumn() {
        Expression e = Expression.parse("1/t");
        ExpressionException error = assertThrows(ExpressionException.class,
                () -> e.evaluate(Variables.builder().set("time", 0.0).build()));
        assertEquals("division by zero at column 2 in expression '1/t'", error.getMessage());
        ExpressionException missing = assertThrows(ExpressionException.class,
                () -> Expression.parse("sim * 2").evaluate(Variables.empty()));
        assertEquals("variable 'similarity' is not available here at column 1 in expression 'sim * 2'",
                missing.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "__import__('os')",
            "__import__('os').system('ls')",
            "().__class__.__bases__",
            "().__class__.__bases__[0].__subclasses__()",
            "open('x')",
            "{}.__class__",
            "(1).real",
            "[].append(1)",
            "{0: 1}.keys()",
            "getattr(1, 'x')",
            "globals()",
            "exec('1')",
            "eval('1')",
            "lambda: 0",
            "[x for x in [1]]",
            "import os",
            "java.lang.System.exit(0)",
            "Runtime.getRuntime()",
            "9**9**9**9",
            "10**10**10",
            "2**(2**62)",
            "exp(1e308)",
            "1e308 ** 2",
            "None",
            "a; b",
            "\u0000",
    })
    void hostileInputFailsCleanly(String source) {
        assertThrows(ExpressionException.class, () -> eval(source));
    }

    @Test
    void deepNestingFailsCleanly() {
        String parens = "(".repeat(4000) + "1" + ")".repeat(4000);
        ExpressionException nested = assertThrows(ExpressionException.class, () -> Expression.parse(parens));
        assertTrue(nested.getMessage().contains("nested too deeply"), nested.getMessage());

        assertThrows(ExpressionException.class, () -> Expression.parse("(".repeat(10000) + "1" + ")".repeat(10000)));
        assertThrows(ExpressionException.class, () -> Expression.parse("(".repeat(10000)));
        assertThrows(ExpressionException.class, () -> Expression.parse("-".repeat(5000) + "1"));
        assertThrows(ExpressionException.class, () -> Expression.parse("not ".repeat(2000) + "1"));
        assertThrows(ExpressionException.class, () -> Expression.parse("[".repeat(5000) + "]".repeat(5000)));
        assertThrows(ExpressionException.class, () -> Expression.parse("{0:".repeat(3000) + "1" + "}".repeat(3000)));
        assertThrows(ExpressionException.class, () -> Expression.parse("2**".repeat(3000) + "1"));
        assertThrows(ExpressionException.class, () -> Expression.parse("0 if t else ".repeat(700) + "1"));
        ExpressionException chain = assertThrows(ExpressionException.class,
                () -> Expression.parse("t+".repeat(3000) + "t"));
        assertTrue(chain.getMessage().contains("nested too deeply"), chain.getMessage());
    }

    @Test
    void longInputFailsCleanlyWithShortMessage() {
        String huge = "1+".repeat(512 * 1024) + "1";
        ExpressionException e = assertThrows(ExpressionException.class, () -> Expression.parse(huge));
        assertTrue(e.getMessage().startsWith("expression is too long (1048577 characters"), e.getMessage());
        assertTrue(e.getMessage().length() < 300);
    }

    @Test
    void moderateNestingStillWorks() {
        assertEquals(1, eval("(".repeat(50) + "1" + ")".repeat(50)).asInt());
        assertEquals(100, eval("1" + "+1".repeat(99)).asInt());
        assertEquals(1.0, at("t" + "*t".repeat(150), 1.0).asDouble());
    }
}
