package dev.clipig.core.config;

import dev.clipig.core.ConfigChoice;
import dev.clipig.core.constraints.LossFunction;
import dev.clipig.core.expr.FloatValue;
import dev.clipig.core.expr.Value;
import dev.clipig.core.expr.Variables;
import dev.clipig.core.transforms.Interpolation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static dev.clipig.core.config.ConfigNode.entry;

/**
 * Turns config YAML into a {@link ClipigConfig}: every key of the reference, its default where absent,
 * expressions compiled and checked against the variables their stage provides.
 */
final class ConfigReader {

    static final ParamSchema WEIGHT = ParamSchema.floats("weight").withDefault(1.0);

    private static final ParamSchema RESOLUTION = ParamSchema.ints("resolution", 2).withDefault(224, 224)
            .checked(ValueCheck.SIDE);
    private static final ParamSchema LEARNRATE = ParamSchema.floats("learnrate").withDefault(1.0);
    private static final ParamSchema LEARNRATE_SCALE = ParamSchema.floats("learnrate_scale").withDefault(1.0);
    private static final ParamSchema SCALE = ParamSchema.floats("scale").withDefault(1.0);

    private static final List<String> TOP_KEYS = List.of("verbose", "output", "snapshot_interval", "epochs",
            "start_epoch", "resolution", "interpolation", "model", "device", "learnrate", "learnrate_scale",
            "optimizer", "init", "targets", "postproc", "parameterization", "ensemble");
    private static final List<String> INIT_KEYS = List.of("resolution", "mean", "std", "image", "image_tensor");
    private static final List<String> TARGET_KEYS = List.of("active", "name", "start", "end", "weight",
            "batch_size", "select", "feature_scale", "features", "transforms", "constraints");
    private static final List<String> FEATURE_KEYS = List.of("text", "image", "start", "end", "weight", "scale",
            "loss");
    private static final List<String> PARAMETERIZATION_KEYS = List.of("type", "decay", "levels", "decorrelate",
            "sigmoid");
    private static final List<String> POSTPROC_KEYS = List.of("active", "start", "end");

    private ConfigReader() {
    }

    static ClipigConfig read(ConfigNode root) {
        Map<String, ConfigNode> top = root.mapping(TOP_KEYS);
        return new ClipigConfig(
                root.location().source(),
                entry(top, "verbose").map(n -> n.integer(ValueCheck.NON_NEGATIVE)).orElse(2),
                entry(top, "output").map(ConfigNode::text).orElse("./"),
                entry(top, "snapshot_interval").map(ConfigReader::snapshotInterval)
                        .orElse(SnapshotInterval.seconds(20.0)),
                entry(top, "epochs").map(n -> n.integer(ValueCheck.POSITIVE)).orElse(300),
                entry(top, "start_epoch").map(n -> n.integer(ValueCheck.NON_NEGATIVE)).orElse(0),
                param(top, RESOLUTION, ExpressionScope.RESOLUTION, root),
                entry(top, "interpolation").map(n -> n.choice(Interpolation.values())).orElse(Interpolation.CUBIC),
                entry(top, "model").map(ConfigNode::text).orElse("ViT-B/32"),
                entry(top, "ensemble").map(ConfigReader::ensemble).orElse(List.of()),
                entry(top, "device").map(ConfigNode::text).orElse("auto"),
                param(top, LEARNRATE, ExpressionScope.LEARNRATE, root),
                param(top, LEARNRATE_SCALE, ExpressionScope.LEARNRATE, root),
                entry(top, "optimizer").map(n -> n.choice(OptimizerKind.values())).orElse(OptimizerKind.ADAM),
                entry(top, "init").map(ConfigReader::init).orElse(InitSpec.DEFAULT),
                entry(top, "targets").map(n -> n.list().stream().map(ConfigReader::target).toList()).orElse(List.of()),
                entry(top, "postproc").map(n -> n.list().stream().map(ConfigReader::postproc).toList())
                        .orElse(List.of()),
                entry(top, "parameterization").map(ConfigReader::parameterization).orElse(ParameterizationSpec.PIXELS));
    }

    /** One model name or a list of them; empty, none. */
    private static List<String> ensemble(ConfigNode node) {
        List<ConfigNode> names = node.isNull() || node.isList() ? node.list() : List.of(node);
        return names.stream().map(ConfigNode::text).toList();
    }

    /** The {@code start}/{@code end} entries of a mapping, defaulting to the whole run. */
    static TimeWindow window(Map<String, ConfigNode> entries) {
        return new TimeWindow(
                entry(entries, "start").map(ConfigNode::time).orElse(TimeWindow.ALWAYS.start()),
                entry(entries, "end").map(ConfigNode::time).orElse(TimeWindow.ALWAYS.end()));
    }

    private static Param param(Map<String, ConfigNode> entries, ParamSchema schema, ExpressionScope scope,
                               ConfigNode owner) {
        return entry(entries, schema.name()).map(n -> n.param(schema, scope))
                .orElseGet(() -> OpReader.defaultParam(schema, owner.location().key(schema.name(), 0)));
    }

    private static SnapshotInterval snapshotInterval(ConfigNode node) {
        Value value = node.number();
        if (!(value.asDouble() >= 0.0)) {
            throw node.error("must be zero (no snapshots) or positive, got " + value);
        }
        return value instanceof FloatValue ? SnapshotInterval.seconds(value.asDouble())
                : SnapshotInterval.epochs(node.integer(ValueCheck.NON_NEGATIVE));
    }

    private static InitSpec init(ConfigNode node) {
        Map<String, ConfigNode> init = node.mapping(INIT_KEYS);
        Optional<List<Integer>> resolution = entry(init, "resolution").map(n -> {
            Param p = n.param(ParamSchema.ints("resolution", 2).checked(ValueCheck.SIDE), ExpressionScope.CONSTANT);
            int[] size = p.intValues(Variables.empty());
            return List.of(size[0], size[1]);
        });
        return new InitSpec(resolution,
                entry(init, "mean").map(n -> color(n, "mean", ValueCheck.ANY)).orElse(InitSpec.DEFAULT.mean()),
                entry(init, "std").map(n -> color(n, "std", ValueCheck.NON_NEGATIVE)).orElse(InitSpec.DEFAULT.std()),
                entry(init, "image").map(ConfigNode::text),
                entry(init, "image_tensor").map(ConfigReader::imageTensor));
    }

    /** A kind's name, or a mapping of its {@code type} and the options that kind has. */
    private static ParameterizationSpec parameterization(ConfigNode node) {
        if (!node.isMapping()) return ParameterizationSpec.of(node.choice(ParameterizationKind.values()));
        Map<String, ConfigNode> entries = node.mapping(PARAMETERIZATION_KEYS);
        ConfigNode type = entry(entries, "type").orElseThrow(() -> node.error("needs a 'type', one of "
                + String.join(", ", ConfigChoice.spellings(ParameterizationKind.values()))));
        ParameterizationKind kind = type.choice(ParameterizationKind.values());
        ParameterizationSpec d = ParameterizationSpec.of(kind);
        List<String> options = switch (kind) {
            case PIXELS -> List.of();
            case FFT -> List.of("decay", "decorrelate", "sigmoid");
            case PYRAMID -> List.of("levels", "decorrelate", "sigmoid");
        };
        for (Map.Entry<String, ConfigNode> e : entries.entrySet()) {
            if (!e.getKey().equals("type") && !options.contains(e.getKey())) {
                throw e.getValue().error("'" + e.getKey() + "' is not an option of the " + type.text()
                        + " parameterization" + (options.isEmpty() ? "" : " (its options: " + String.join(", ", options) + ")"));
            }
        }
        return new ParameterizationSpec(kind,
                entry(entries, "decay").map(n -> n.param(ParamSchema.floats("decay").checked(ValueCheck.NON_NEGATIVE),
                        ExpressionScope.CONSTANT).values(Variables.empty())[0]).orElse(d.decay()),
                entry(entries, "levels").map(n -> n.integer(ValueCheck.POSITIVE)).orElse(d.levels()),
                entry(entries, "decorrelate").map(ConfigNode::bool).orElse(d.decorrelate()),
                entry(entries, "sigmoid").map(ConfigNode::bool).orElse(d.sigmoid()));
    }

    private static List<Double> color(ConfigNode node, String name, ValueCheck check) {
        Param p = node.param(ParamSchema.floats(name, 3).checked(check), ExpressionScope.CONSTANT);
        double[] rgb = p.values(Variables.empty());
        return List.of(rgb[0], rgb[1], rgb[2]);
    }

    /** A {@code [3][H][W]} nested list of numbers. */
    private static ImageTensor imageTensor(ConfigNode node) {
        List<ConfigNode> channels = node.list();
        if (channels.size() != 3) {
            throw node.error("expected 3 color channels of [height][width] values, got " + channels.size());
        }
        int height = -1;
        int width = -1;
        List<Float> values = new ArrayList<>();
        for (ConfigNode channel : channels) {
            List<ConfigNode> rows = channel.list();
            if (height >= 0 && rows.size() != height) {
                throw channel.error("expected " + height + " rows like the first channel, got " + rows.size());
            }
            height = rows.size();
            for (ConfigNode row : rows) {
                List<ConfigNode> pixels = row.list();
                if (width >= 0 && pixels.size() != width) {
                    throw row.error("expected " + width + " values like the first row, got " + pixels.size());
                }
                width = pixels.size();
                pixels.forEach(p -> values.add((float) p.number().asDouble()));
            }
        }
        if (height < 1 || width < 1) {
            throw node.error("image_tensor holds no pixels");
        }
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return new ImageTensor(3, height, width, array);
    }

    private static TargetSpec target(ConfigNode node) {
        Map<String, ConfigNode> t = node.mapping(TARGET_KEYS);
        return new TargetSpec(
                entry(t, "active").map(ConfigNode::bool).orElse(true),
                entry(t, "name").map(ConfigNode::text).orElse("target"),
                window(t),
                param(t, WEIGHT, ExpressionScope.CONSTRAINT, node),
                entry(t, "batch_size").map(n -> n.integer(ValueCheck.BATCH)).orElse(1),
                entry(t, "select").map(n -> n.choice(SelectMode.values())).orElse(SelectMode.ALL),
                entry(t, "feature_scale").map(n -> n.choice(FeatureScale.values())).orElse(FeatureScale.EQUAL),
                entry(t, "features").map(n -> n.list().stream().map(ConfigReader::feature).toList()).orElse(List.of()),
                entry(t, "transforms").map(OpReader::transforms).orElse(List.of()),
                entry(t, "constraints").map(OpReader::constraints).orElse(List.of()));
    }

    private static FeatureSpec feature(ConfigNode node) {
        Map<String, ConfigNode> f = node.mapping(FEATURE_KEYS);
        Optional<String> text = entry(f, "text").map(ConfigNode::text);
        Optional<String> image = entry(f, "image").map(ConfigNode::text);
        if (text.isPresent() == image.isPresent()) {
            throw node.error(text.isPresent() ? "a feature has either a text or an image, not both"
                    : "a feature needs a text or an image");
        }
        return new FeatureSpec(text, image, window(f),
                param(f, WEIGHT, ExpressionScope.FEATURE, node),
                param(f, SCALE, ExpressionScope.FEATURE, node),
                entry(f, "loss").map(n -> n.choiceIgnoringCase(LossFunction.values())).orElse(LossFunction.COSINE));
    }

    /** A post-processing item: {@code active}/{@code start}/{@code end} and transforms that keep the size. */
    private static PostprocSpec postproc(ConfigNode node) {
        Set<String> keys = new LinkedHashSet<>(POSTPROC_KEYS);
        keys.addAll(TransformOps.names());
        Map<String, ConfigNode> p = node.mapping(keys);
        List<TransformSpec> transforms = new ArrayList<>();
        p.forEach((key, value) -> {
            if (POSTPROC_KEYS.contains(key)) {
                return;
            }
            TransformOp op = TransformOps.find(key).orElseThrow();
            if (op.resizes()) {
                throw value.error("'" + key + "' changes the resolution and cannot post-process; use one of "
                        + String.join(", ", new TreeSet<>(OpReader.postprocNames())));
            }
            transforms.add(OpReader.transform(op, value));
        });
        return new PostprocSpec(entry(p, "active").map(ConfigNode::bool).orElse(true), window(p), transforms);
    }
}
