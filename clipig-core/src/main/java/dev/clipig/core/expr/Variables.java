package dev.clipig.core.expr;

import java.util.Optional;

/** The variables an expression is evaluated with, looked up by canonical name (see {@link VariableGroup}). */
public interface Variables {

    Optional<Value> lookup(String name);

    static Variables empty() {
        return MapVariables.EMPTY;
    }

    static MapVariables.Builder builder() {
        return new MapVariables.Builder();
    }
}
