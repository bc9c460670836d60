package dev.clipig.core.config;

import dev.clipig.core.expr.Variables;
import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.Transform;
import java.util.Map;
import java.util.Optional;

/**
 * One configured transform: its op and a value for every parameter the config gave or that has a
 * default (parameters that are optional and unset, like blur's {@code sigma}, are absent).
 */
public record TransformSpec(TransformOp op, Map<String, Param> params, ConfigLocation location) {

    public TransformSpec {
        params = Map.copyOf(params);
    }

    public String name() {
        return op.name();
    }

    /**
     * The transform, with size parameters read at {@code atBuild}.
     *
     * @throws ConfigException naming this transform, when its values make no transform (a crop at a
     *                         negative place, say) or, with {@link #outputSize}, no image
     */
    public Transform create(Variables atBuild) {
        try {
            return op.factory().apply(new OpArgs(name(), params, atBuild));
        } catch (IllegalArgumentException e) {
            throw refusal(e);
        }
    }

    /** What {@code transform}, made by {@link #create}, makes of an image of size {@code input}. */
    public Size outputSize(Transform transform, Size input) {
        try {
            return transform.outputSize(input);
        } catch (IllegalArgumentException e) {
            throw refusal(e);
        }
    }

    private ConfigException refusal(IllegalArgumentException e) {
        return new ConfigException(location, "transform '" + name() + "': " + e.getMessage());
    }

    /** A parameter that is set (given or defaulted). */
    public Param param(String paramName) {
        return find(paramName).orElseThrow(() -> new IllegalArgumentException(
                "transform '" + name() + "' has no value for '" + paramName + "'"));
    }

    public Optional<Param> find(String paramName) {
        return Optional.ofNullable(params.get(paramName));
    }

    public boolean resizes() {
        return op.resizes();
    }

    public boolean isRandom() {
        return op.random();
    }

    /** Whether no parameter depends on variables, so the transform is the same at every step. */
    public boolean isConstant() {
        return params.values().stream().allMatch(Param::isConstant);
    }
}
