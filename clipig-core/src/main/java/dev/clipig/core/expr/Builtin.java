package dev.clipig.core.expr;

import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * A function an expression may call. A pure one depends on its arguments alone and is folded when
 * they are constant; a drawing one (Python's {@code random} module) takes numbers from the random
 * source of the variables it is evaluated with, and is evaluated every time.
 */
record Builtin(String name, int minArgs, int maxArgs, boolean pure, Body body) {

    @FunctionalInterface
    interface Body {
        Value apply(List<Value> args, RandomGenerator random);
    }

    static Builtin pure(String name, int minArgs, int maxArgs, Function<List<Value>, Value> body) {
        return new Builtin(name, minArgs, maxArgs, true, (args, random) -> body.apply(args));
    }

    static Builtin drawing(String name, int minArgs, int maxArgs, Body body) {
        return new Builtin(name, minArgs, maxArgs, false, body);
    }

    Value apply(List<Value> args, Variables vars) {
        return body.apply(args, pure ? null : vars.random());
    }
}
