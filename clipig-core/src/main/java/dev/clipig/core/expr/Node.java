package dev.clipig.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The compiled form of an expression: a tree evaluated directly, without re-parsing. Each node knows
 * the 1-based column it came from so that evaluation errors point into the source.
 */
sealed interface Node {

    Value evaluate(Variables vars);

    List<Node> children();

    /** Whether the value depends on nothing but the children, so that constant children fold it. */
    default boolean isPure() {
        return true;
    }

    /** Runs one evaluation step, attributing an error that lacks a position to {@code column}. */
    static Value at(int column, Supplier<Value> step) {
        try {
            return step.get();
        } catch (ExpressionException e) {
            throw e.locate(null, column);
        }
    }

    record Constant(Value value) implements Node {
        @Override
        public Value evaluate(Variables vars) {
            return value;
        }

        @Override
        public List<Node> children() {
            return List.of();
        }
    }

    record Variable(String name, int column) implements Node {
        @Override
        public Value evaluate(Variables vars) {
            return vars.lookup(name).orElseThrow(() -> new ExpressionException(
                    "variable '" + name + "' is not available here").locate(null, column));
        }

        @Override
        public List<Node> children() {
            return List.of();
        }

        @Override
        public boolean isPure() {
            return false;
        }
    }

    record Unary(String operator, Node operand, int column) implements Node {
        @Override
        public Value evaluate(Variables vars) {
            Value x = operand.evaluate(vars);
            return at(column, () -> switch (operator) {
                case "-" -> Arithmetic.negate(x);
                case "+" -> Arithmetic.plus(x);
                case "not" -> Value.of(!x.isTrue());
                default -> throw new IllegalStateException(operator);
            });
        }

        @Override
        public List<Node> children() {
            return List.of(operand);
        }
    }

    record Binary(String operator, Node left, Node right, int column) implements Node {
        @Override
        public Value evaluate(Variables vars) {
            Value a = left.evaluate(vars);
            Value b = right.evaluate(vars);
            return at(column, () -> switch (operator) {
                case "+" -> Arithmetic.add(a, b);
                case "-" -> Arithmetic.subtract(a, b);
                case "*" -> Arithmetic.multiply(a, b);
                case "/" -> Arithmetic.divide(a, b);
                case "//" -> Arithmetic.floorDivide(a, b);
                case "%" -> Arithmetic.modulo(a, b);
                case "**" -> Arithmetic.power(a, b);
                default -> throw new IllegalStateException(operator);
            });
        }

        @Override
        public List<Node> children() {
            return List.of(left, right);
        }
    }

    /** {@code and}/{@code or} with Python's short circuit: the result is the deciding operand. */
    record Logical(boolean and, Node left, Node right) implements Node {
        @Override
        public Value evaluate(Variables vars) {
            Value a = left.evaluate(vars);
            return a.isTrue() == and ? right.evaluate(vars) : a;
        }

        @Override
        public List<Node> children() {
            return List.of(left, right);
        }
    }

    /** A chain {@code a < b <= c}: each operand evaluated once, stopping at the first false link. */
    record Comparison(List<Node> operands, List<String> operators, List<Integer> columns) implements Node {
        @Override
        public Value evaluate(Variables vars) {
            Value left = operands.get(0).evaluate(vars);
            for (int i = 0; i < operators.size(); i++) {
                Value a = left;
                Value b = operands.get(i + 1).evaluate(vars);
                String op = operators.get(i);
                Value holds = at(columns.get(i), () -> Value.of(test(op, a, b)));
                if (!holds.isTrue()) {
                    return holds;
                }
                left = b;
            }
            return Value.of(true);
        }

        private static boolean test(String operator, Value a, Value b) {
            return switch (operator) {
                case "==" -> Arithmetic.equal(a, b);
                case "!=" -> !Arithmetic.equal(a, b);
                case "in" -> Arithmetic.contains(b, a);
                case "not in" -> !Arithmetic.contains(b, a);
                default -> Arithmetic.ordered(operator, a, b);
            };
        }

        @Override
        public List<Node> children() {
            return operands;
        }
    }

    record Conditional(Node condition, Node then, Node otherwise) implements Node {
        @Override
        public Value evaluate(Variables vars) {
            return condition.evaluate(vars).isTrue() ? then.evaluate(vars) : otherwise.evaluate(vars);
        }

        @Override
        public List<Node> children() {
            return List.of(condition, then, otherwise);
        }
    }

    record ListLiteral(List<Node> items) implements Node {
        @Override
        public Value evaluate(Variables vars) {
            List<Value> values = new ArrayList<>(items.size());
            for (Node item : items) {
                values.add(item.evaluate(vars));
            }
            return new ListValue(values);
        }

        @Override
        public List<Node> children() {
            return items;
        }
    }

    record DictLiteral(List<Node> keys, List<Node> values, int column) implements Node {
        @Override
        public Value evaluate(Variables vars) {
            List<Value> k = new ArrayList<>(keys.size());
            List<Value> v = new ArrayList<>(values.size());
            for (int i = 0; i < keys.size(); i++) {
                k.add(keys.get(i).evaluate(vars));
                v.add(values.get(i).evaluate(vars));
            }
            return at(column, () -> DictValue.of(k, v));
        }

        @Override
        public List<Node> children() {
            List<Node> all = new ArrayList<>(keys);
            all.addAll(values);
            return all;
        }
    }

    /** {@code list[i]} with Python's negative indices, or {@code dict[key]}. */
    record Subscript(Node target, Node index, int column) implements Node {
        @Override
        public Value evaluate(Variables vars) {
            Value container = target.evaluate(vars);
            Value key = index.evaluate(vars);
            return at(column, () -> lookup(container, key));
        }

        private static Value lookup(Value container, Value key) {
            if (container instanceof DictValue dict) {
                return dict.get(key).orElseThrow(() -> new ExpressionException("key " + key + " not found"));
            }
            if (!(container instanceof ListValue list)) {
                throw new ExpressionException("'" + container.typeName() + "' object is not subscriptable");
            }
            if (!Arithmetic.isInteger(key)) {
                throw new ExpressionException("list indices must be integers, not " + key.typeName());
            }
            long i = key.asLong();
            int size = list.items().size();
            long position = i < 0 ? i + size : i;
            if (position < 0 || position >= size) {
                throw new ExpressionException("list index " + i + " out of range");
            }
            return list.items().get((int) position);
        }

        @Override
        public List<Node> children() {
            return List.of(target, index);
        }
    }

    /** {@code dict.get(key)} or {@code dict.get(key, fallback)}, the one method the language has. */
    record DictGet(Node target, Node key, Node fallback, int column) implements Node {
        @Override
        public Value evaluate(Variables vars) {
            Value container = target.evaluate(vars);
            Value k = key.evaluate(vars);
            Value found = at(column, () -> {
                if (!(container instanceof DictValue dict)) {
                    throw new ExpressionException("'" + container.typeName() + "' object has no attribute 'get'");
                }
                return dict.get(k).orElse(null);
            });
            if (found != null) {
                return found;
            }
            if (fallback == null) {
                throw new ExpressionException("key " + k + " not found and no default given").locate(null, column);
            }
            return fallback.evaluate(vars);
        }

        @Override
        public List<Node> children() {
            return fallback == null ? List.of(target, key) : List.of(target, key, fallback);
        }
    }

    record Call(Builtin function, List<Node> arguments, int column) implements Node {
        @Override
        public Value evaluate(Variables vars) {
            List<Value> values = new ArrayList<>(arguments.size());
            for (Node argument : arguments) {
                values.add(argument.evaluate(vars));
            }
            return at(column, () -> function.apply(values, vars));
        }

        @Override
        public boolean isPure() {
            return function.pure();
        }

        @Override
        public List<Node> children() {
            return arguments;
        }
    }

    /**
     * CLIPig's {@code time_step(a, b)}: 0 before time {@code a}, rising linearly to 1 at {@code b}; with
     * {@code b < a} it falls from 1 to 0 over {@code [b, a]} instead.
     */
    record TimeStep(Node from, Node to, int column) implements Node {
        @Override
        public Value evaluate(Variables vars) {
            Value a = from.evaluate(vars);
            Value b = to.evaluate(vars);
            Value t = vars.lookup("time").orElseThrow(() -> new ExpressionException(
                    "time_step() needs the time, which is not available here").locate(null, column));
            return at(column, () -> Value.of(step(a.asDouble(), b.asDouble(), t.asDouble())));
        }

        private static double step(double a, double b, double t) {
            double start = Math.min(a, b);
            double end = Math.max(a, b);
            double rise;
            if (t < start) {
                rise = 0.0;
            } else if (t > end || start == end) {
                rise = 1.0;
            } else {
                rise = (t - start) / (end - start);
            }
            return b < a ? 1.0 - rise : rise;
        }

        @Override
        public List<Node> children() {
            return List.of(from, to);
        }

        @Override
        public boolean isPure() {
            return false;
        }
    }
}
