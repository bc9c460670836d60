package dev.clipig.core.config;

import dev.clipig.core.constraints.LossFunction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/** Reads transforms and constraints against their schemas ({@link TransformOps}, {@link ConstraintOps}). */
final class OpReader {

    private OpReader() {
    }

    /** A {@code transforms} list: each item maps transform names to their values, in file order. */
    static List<TransformSpec> transforms(ConfigNode list) {
        return items(list, TransformOps.names(), (name, value) -> transform(TransformOps.find(name).orElseThrow(), value));
    }

    /** A transform's value: given directly for a one-parameter transform, else as a mapping. */
    static TransformSpec transform(TransformOp op, ConfigNode value) {
        OpSchema schema = op.schema();
        if (schema.takesValueDirectly()) {
            ParamSchema only = schema.params().get(0);
            if (value.isNull() && !only.isRequired()) {
                return new TransformSpec(op, Map.of(only.name(), defaultParam(only, value.location())),
                        value.location());
            }
            if (value.isNull() || value.isMapping()) {
                throw value.error("'" + schema.name() + "' takes its value directly, e.g. '" + schema.name()
                        + ": " + example(only) + "'");
            }
            return new TransformSpec(op, Map.of(only.name(), value.param(only, ExpressionScope.TRANSFORM)),
                    value.location());
        }
        return new TransformSpec(op, params(schema, value, value.mapping(schema.paramNames()),
                ExpressionScope.TRANSFORM), value.location());
    }

    /** A {@code constraints} list: each item maps constraint names to their parameter mappings. */
    static List<ConstraintSpec> constraints(ConfigNode list) {
        return items(list, ConstraintOps.names(),
                (name, value) -> constraint(ConstraintOps.find(name).orElseThrow(), value));
    }

    /** The ops of a list whose items each map op names to their values, in file order. */
    private static <S> List<S> items(ConfigNode list, Set<String> names, BiFunction<String, ConfigNode, S> read) {
        List<S> specs = new ArrayList<>();
        for (ConfigNode item : list.list()) {
            item.mapping(names).forEach((name, value) -> specs.add(read.apply(name, value)));
        }
        return specs;
    }

    private static ConstraintSpec constraint(ConstraintOp op, ConfigNode value) {
        OpSchema schema = op.schema();
        List<String> keys = Stream.concat(schema.paramNames().stream(), ConstraintOps.COMMON_PARAMS.stream()).toList();
        Map<String, ConfigNode> entries = value.mapping(keys);
        Map<String, ConfigNode> own = new LinkedHashMap<>(entries);
        ConstraintOps.COMMON_PARAMS.forEach(own::remove);

        Param weight = ConfigNode.entry(entries, "weight")
                .map(n -> n.param(ConfigReader.WEIGHT, ExpressionScope.CONSTRAINT))
                .orElseGet(() -> defaultParam(ConfigReader.WEIGHT, value.location()));
        TimeWindow window = ConfigReader.window(entries);
        LossFunction loss = ConfigNode.entry(entries, "loss").map(n -> n.choice(LossFunction.DISTANCES)).orElse(LossFunction.L2);
        return new ConstraintSpec(op, params(schema, value, own, ExpressionScope.CONSTRAINT), weight, window,
                loss, value.location());
    }

    /** Given parameters read, missing ones defaulted; a required one missing is an error. */
    private static Map<String, Param> params(OpSchema schema, ConfigNode owner, Map<String, ConfigNode> given,
                                             ExpressionScope scope) {
        Map<String, Param> params = new LinkedHashMap<>();
        for (ParamSchema p : schema.params()) {
            var value = ConfigNode.entry(given, p.name());
            if (value.isPresent()) {
                params.put(p.name(), value.get().param(p, scope));
            } else if (p.isRequired()) {
                throw owner.error("'" + schema.name() + "' needs '" + p.name() + "' (" + p.describe() + ")");
            } else if (!p.optional()) {
                params.put(p.name(), defaultParam(p, owner.location().key(p.name(), owner.location().line())));
            }
        }
        if (!schema.atLeastOneOf().isEmpty() && schema.atLeastOneOf().stream().noneMatch(params::containsKey)) {
            throw owner.error("'" + schema.name() + "' needs at least one of " + String.join(", ", schema.atLeastOneOf()));
        }
        return params;
    }

    static Param defaultParam(ParamSchema schema, ConfigLocation location) {
        if (schema.type() == ParamSchema.Type.TEXT) {
            return new Param(schema.name(), schema.type(), List.of(), schema.textDefault(), schema.check(), location);
        }
        double[] values = schema.defaults().stream().mapToDouble(Double::doubleValue).toArray();
        return Param.of(schema.name(), schema.type(), location, values);
    }

    private static String example(ParamSchema p) {
        return switch (p.type()) {
            case INT -> "224";
            case FLOAT -> "0.5";
            case TEXT -> p.textDefault();
        };
    }

    /** Transform names a post-processing stage accepts: those that keep the resolution. */
    static Set<String> postprocNames() {
        return Set.copyOf(TransformOps.names().stream()
                .filter(n -> !TransformOps.find(n).orElseThrow().resizes()).toList());
    }
}
