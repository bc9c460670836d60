package dev.clipig.core.config;

import dev.clipig.core.expr.Expression;
import dev.clipig.core.expr.ExpressionException;
import dev.clipig.core.expr.Value;
import dev.clipig.core.expr.Variables;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parameter value as read from a config: a text, or one expression per element (a single number has
 * one). Constant elements were folded when the config was read; the others are evaluated per use with
 * the step's {@link Variables}. Element values are converted as the reference does: {@code int()}
 * (truncating) for int parameters, {@code float()} for float ones.
 *
 * @param name     the parameter name
 * @param type     element type
 * @param elements the expressions; empty for a text
 * @param text     the value of a {@link ParamSchema.Type#TEXT} parameter, else {@code null}
 * @param check    the range each element must lie in
 * @param location where it was written, for errors found when evaluating
 */
public record Param(String name, ParamSchema.Type type, List<Expression> elements, String text,
                    ValueCheck check, ConfigLocation location) {

    public Param {
        elements = List.copyOf(elements);
        if ((type == ParamSchema.Type.TEXT) != (text != null) || (text != null && !elements.isEmpty())) {
            throw new IllegalArgumentException("a text parameter has a text and no elements: " + name);
        }
    }

    /** A constant number parameter, e.g. a default or a programmatic override. */
    public static Param of(String name, ParamSchema.Type type, ConfigLocation location, double... values) {
        List<Expression> elements = Arrays.stream(values)
                .mapToObj(v -> Expression.constant(type == ParamSchema.Type.INT ? Value.of((long) v) : Value.of(v)))
                .toList();
        return new Param(name, type, elements, null, ValueCheck.ANY, location);
    }

    public boolean isText() {
        return text != null;
    }

    /** Whether every element is known without variables. */
    public boolean isConstant() {
        return elements.stream().allMatch(Expression::isConstant);
    }

    /** The canonical names of the variables any element depends on. */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        elements.forEach(e -> names.addAll(e.variables()));
        return names;
    }

    /** The number of elements. */
    public int size() {
        return elements.size();
    }

    public double[] values(Variables vars) {
        double[] values = new double[elements.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = element(i, vars);
        }
        return values;
    }

    public int[] intValues(Variables vars) {
        double[] values = values(vars);
        int[] ints = new int[values.length];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = (int) values[i];
        }
        return ints;
    }

    /** The value of a single-element parameter. */
    public double value(Variables vars) {
        if (elements.size() != 1) {
            throw new IllegalStateException(name + " has " + elements.size() + " elements, not one");
        }
        return element(0, vars);
    }

    public int intValue(Variables vars) {
        return (int) value(vars);
    }

    /** Element {@code i}, converted to the element type and checked against its range. */
    public double element(int i, Variables vars) {
        double value;
        try {
            Value v = elements.get(i).evaluate(vars);
            value = type == ParamSchema.Type.INT ? v.asInt() : v.asDouble();
        } catch (ExpressionException e) {
            throw new ConfigException(location, e.getMessage());
        }
        if (!check.accepts(value)) {
            throw new ConfigException(location, "value " + format(value) + " of '" + elements.get(i)
                    + "' must be " + check.description());
        }
        return value;
    }

    @Override
    public String toString() {
        return isText() ? text : elements.size() == 1 ? elements.get(0).toString() : elements.toString();
    }

    private String format(double value) {
        return type == ParamSchema.Type.INT ? String.valueOf((long) value) : String.valueOf(value);
    }
}
