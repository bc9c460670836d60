package dev.clipig.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.clipig.core.config.ParamSchema.floats;
import static dev.clipig.core.config.ParamSchema.ints;
import static dev.clipig.core.config.ValueCheck.NON_NEGATIVE;
import static dev.clipig.core.config.ValueCheck.ODD_POSITIVE;
import static dev.clipig.core.config.ValueCheck.POSITIVE;

/**
 * Every constraint of the reference with its own parameters. Each constraint also takes
 * {@code weight}, {@code start}, {@code end} and {@code loss}, which {@link ConstraintSpec} holds apart.
 * The above/below constraints push a measure of the image above or below a threshold and need at
 * least one of the two.
 */
public final class ConstraintSchemas {

    /** The parameters every constraint has besides its own. */
    public static final List<String> COMMON_PARAMS = List.of("weight", "start", "end", "loss");

    private static final Map<String, OpSchema> ALL = new LinkedHashMap<>();

    static {
        ParamSchema kernelSize = ints("kernel_size", 2).withDefault(3, 3).checked(ODD_POSITIVE);
        ParamSchema sigma = floats("sigma", 2).asOptional().checked(POSITIVE);

        define("blur", List.of(), kernelSize, sigma);
        define("border", List.of(), ints("size", 2).withDefault(1, 1).checked(NON_NEGATIVE),
                floats("color", 3).withDefault(0, 0, 0));
        aboveBelow("contrast");
        aboveBelow("edge_mean", kernelSize, sigma);
        aboveBelow("mean");
        define("noise", List.of(), floats("std", 3).checked(NON_NEGATIVE));
        define("normalize", List.of(), floats("min", 3).withDefault(0, 0, 0), floats("max", 3).withDefault(1, 1, 1));
        aboveBelow("saturation");
        aboveBelow("std");
    }

    private ConstraintSchemas() {
    }

    public static Optional<OpSchema> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static Set<String> names() {
        return ALL.keySet();
    }

    private static void aboveBelow(String name, ParamSchema... extra) {
        List<ParamSchema> params = new ArrayList<>(List.of(
                floats("above", 3).asOptional(), floats("below", 3).asOptional()));
        params.addAll(List.of(extra));
        define(name, List.of("above", "below"), params.toArray(ParamSchema[]::new));
    }

    private static void define(String name, List<String> atLeastOneOf, ParamSchema... params) {
        ALL.put(name, new OpSchema(name, OpSchema.Kind.CONSTRAINT, false, false, List.of(params), atLeastOneOf));
    }
}
