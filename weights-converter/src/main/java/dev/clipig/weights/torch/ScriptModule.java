package dev.clipig.weights.torch;

import dev.clipig.weights.pickle.Unpickler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A TorchScript module as its archive pickles it: a class name and the attributes {@code BUILD}
 * sets (parameters, buffers, submodules, flags). Its code is never looked at, let alone run.
 */
final class ScriptModule implements Unpickler.Buildable {
    private final String className;
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    ScriptModule(String className) {
        this.className = className;
    }

    String className() {
        return className;
    }

    Map<String, Object> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    @Override
    public void setState(Object state) {
        if (!(state instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("TorchScript object " + className + " has a custom state of type "
                    + (state == null ? "None" : state.getClass().getSimpleName()) + ", not an attribute dict");
        }
        map.forEach((name, value) -> attributes.put(String.valueOf(name), value));
    }
}
