package dev.clipig.core.config;

import dev.clipig.core.expr.VariableGroup;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which expression variables a parameter may use, following the processing stage it is evaluated in
 * (the reference's "expression variables" per parameter).
 */
public enum ExpressionScope {

    /** Read once before training: constant expressions only. */
    CONSTANT(),
    /** {@code resolution}, evaluated before the image exists. */
    RESOLUTION(VariableGroup.TIME),
    /** {@code learnrate} and {@code learnrate_scale}. */
    LEARNRATE(VariableGroup.TIME, VariableGroup.RESOLUTION),
    /** Transforms and post-processing. */
    TRANSFORM(VariableGroup.TIME, VariableGroup.RESOLUTION, VariableGroup.LEARNRATE),
    /** Feature weight and scale: with the feature's similarity. */
    FEATURE(VariableGroup.TIME, VariableGroup.RESOLUTION, VariableGroup.LEARNRATE, VariableGroup.SIMILARITY),
    /** Constraints and the target weight: with the target's mean similarity. */
    CONSTRAINT(VariableGroup.TIME, VariableGroup.RESOLUTION, VariableGroup.LEARNRATE, VariableGroup.SIMILARITY);

    private final Set<VariableGroup> groups;

    ExpressionScope(VariableGroup... groups) {
        this.groups = EnumSet.noneOf(VariableGroup.class);
        this.groups.addAll(List.of(groups));
    }

    public Set<VariableGroup> groups() {
        return groups;
    }

    /** The canonical variable names allowed here. */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        groups.forEach(g -> names.addAll(g.names()));
        return names;
    }
}
