package dev.clipig.core.config;

import static dev.clipig.core.config.ParamSchema.choice;
import static dev.clipig.core.config.ParamSchema.floats;
import static dev.clipig.core.config.ParamSchema.ints;
import static dev.clipig.core.config.ValueCheck.NON_NEGATIVE;
import static dev.clipig.core.config.ValueCheck.POSITIVE;

import dev.clipig.core.constraints.BlurConstraint;
import dev.clipig.core.constraints.BorderConstraint;
import dev.clipig.core.constraints.Constraint;
import dev.clipig.core.constraints.LossFunction;
import dev.clipig.core.constraints.NoiseConstraint;
import dev.clipig.core.constraints.NormalizeConstraint;
import dev.clipig.core.constraints.ThresholdConstraint;
import dev.clipig.core.constraints.TotalVariationConstraint;
import dev.clipig.core.transforms.VectorParam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every constraint a config may name, one line each: name, factory and own parameters. Each
 * constraint also takes {@code weight}, {@code start}, {@code end} and {@code loss}, which
 * {@link ConstraintSpec} holds apart. The above/below constraints push a measure of the image above or
 * below a threshold and need at least one of the two.
 */
public final class ConstraintOps {

    /** The parameters every constraint has besides its own. */
    public static final List<String> COMMON_PARAMS = List.of("weight", "start", "end", "loss");

    private static final Map<String, ConstraintOp> ALL = new LinkedHashMap<>();

    static {
        ParamSchema kernelSize = ints("kernel_size", 2).withDefault(3, 3).checked(ValueCheck.KERNEL);
        ParamSchema sigma = floats("sigma", 2).asOptional().checked(POSITIVE);

        define("blur", (a, loss) -> new BlurConstraint(a.vector("kernel_size"), a.optionalVector("sigma").orElse(null),
                loss), kernelSize, sigma);
        define("border", (a, loss) -> new BorderConstraint(a.pair("size")[0], a.pair("size")[1], a.vector("color"),
                loss), ints("size", 2).withDefault(1, 1).checked(ValueCheck.MARGIN), floats("color", 3).withDefault(0, 0, 0));
        aboveBelow("contrast", ThresholdConstraint::contrast);
        define("edge_mean", (a, loss) -> ThresholdConstraint.edgeMean(a.vector("kernel_size"),
                a.optionalVector("sigma").orElse(null), above(a), below(a), loss), List.of("above", "below"),
                floats("above", 3).asOptional(), floats("below", 3).asOptional(), kernelSize, sigma);
        aboveBelow("mean", ThresholdConstraint::mean);
        define("noise", (a, loss) -> new NoiseConstraint(a.vector("std"), loss), floats("std", 3).checked(NON_NEGATIVE));
        define("normalize", (a, loss) -> new NormalizeConstraint(a.vector("min"), a.vector("max"), loss),
                floats("min", 3).withDefault(0, 0, 0), floats("max", 3).withDefault(1, 1, 1));
        aboveBelow("saturation", ThresholdConstraint::saturation);
        aboveBelow("std", ThresholdConstraint::std);
        define("total_variation", (a, loss) -> new TotalVariationConstraint(loss,
                a.choice("norm", TotalVariationConstraint.Norm.values())),
                choice("norm", TotalVariationConstraint.Norm.ANISOTROPIC));
    }

    private ConstraintOps() {
    }

    public static Optional<ConstraintOp> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static Set<String> names() {
        return ALL.keySet();
    }

    /** A threshold constraint on one measure. */
    private interface Threshold {
        Constraint of(VectorParam above, VectorParam below, LossFunction loss);
    }

    private static void aboveBelow(String name, Threshold threshold) {
        define(name, (a, loss) -> threshold.of(above(a), below(a), loss), List.of("above", "below"),
                floats("above", 3).asOptional(), floats("below", 3).asOptional());
    }

    private static VectorParam above(OpArgs a) {
        return a.optionalVector("above").orElse(null);
    }

    private static VectorParam below(OpArgs a) {
        return a.optionalVector("below").orElse(null);
    }

    private static void define(String name, ConstraintOp.Factory factory, ParamSchema... params) {
        define(name, factory, List.of(), params);
    }

    private static void define(String name, ConstraintOp.Factory factory, List<String> atLeastOneOf,
                               ParamSchema... params) {
        OpSchema schema = new OpSchema(name, OpSchema.Kind.CONSTRAINT, false, List.of(params), atLeastOneOf);
        ALL.put(name, new ConstraintOp(schema, factory));
    }
}
