package dev.clipig.core.config;

import dev.clipig.core.ConfigChoice;

import dev.clipig.core.expr.Variables;
import dev.clipig.core.transforms.ScalarParam;
import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.VectorParam;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The configured parameters of one op, as its factory reads them. Numbers that fix an image size
 * (crop and pad sizes, resize targets) are read with the variables of the step that builds the op;
 * everything else is bound to its expression and evaluated at every step.
 */
public final class OpArgs {
    private final String op;
    private final Map<String, Param> params;
    private final Variables atBuild;

    OpArgs(String op, Map<String, Param> params, Variables atBuild) {
        this.op = op;
        this.params = params;
        this.atBuild = atBuild;
    }

    /** Element {@code i} of a parameter (the last one if it has fewer), evaluated per step. */
    public ScalarParam scalar(String name, int i) {
        Param p = param(name);
        int element = Math.min(i, p.size() - 1);
        if (p.isConstant()) return ScalarParam.of(p.element(element, Variables.empty()));
        return step -> p.element(element, step);
    }

    public ScalarParam scalar(String name) {
        return scalar(name, 0);
    }

    public VectorParam vector(String name) {
        return new VectorParam(IntStream.range(0, count(name)).mapToObj(i -> scalar(name, i)).toList());
    }

    /** A parameter that may stay unset, such as blur's {@code sigma}. */
    public Optional<VectorParam> optionalVector(String name) {
        return params.containsKey(name) ? Optional.of(vector(name)) : Optional.empty();
    }

    /** How many values the config gave. */
    public int count(String name) {
        return param(name).size();
    }

    /** The values at build time. */
    public double[] values(String name) {
        return param(name).values(atBuild);
    }

    /** {@code [x, y]} of a one- or two-int parameter at build time. */
    public int[] pair(String name) {
        int[] v = param(name).intValues(atBuild);
        return v.length == 1 ? new int[] {v[0], v[0]} : v;
    }

    public Size size(String name) {
        int[] v = pair(name);
        return new Size(v[0], v[1]);
    }

    public String text(String name) {
        return param(name).text();
    }

    /** The constant of {@code choices} that a text parameter names (its schema lists their spellings). */
    public <E extends Enum<E> & ConfigChoice> E choice(String name, E[] choices) {
        String text = text(name);
        return ConfigChoice.find(choices, text).orElseThrow(() -> new IllegalArgumentException(
                "'" + op + "' has no " + name + " '" + text + "'"));
    }

    private Param param(String name) {
        Param p = params.get(name);
        if (p == null) throw new IllegalArgumentException("'" + op + "' has no value for '" + name + "'");
        return p;
    }
}
