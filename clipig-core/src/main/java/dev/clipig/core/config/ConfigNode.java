package dev.clipig.core.config;

import dev.clipig.core.ConfigChoice;
import dev.clipig.core.expr.Expression;
import dev.clipig.core.expr.ExpressionException;
import dev.clipig.core.expr.IntValue;
import dev.clipig.core.expr.Value;
import dev.clipig.core.expr.Variables;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of the composed YAML tree together with its {@link ConfigLocation}, with the typed reads the
 * config needs. Every read that fails throws a {@link ConfigException} naming file, line and YAML path.
 * Working on the node tree (not on loaded maps) is what keeps line numbers available.
 */
final class ConfigNode {

    private final Node node;
    private final ConfigLocation at;
    private final ScalarConstructor scalars;
    private final Map<Node, String> sources;

    private ConfigNode(Node node, ConfigLocation at, ScalarConstructor scalars, Map<Node, String> sources) {
        this.node = node;
        this.at = at;
        this.scalars = scalars;
        this.sources = sources;
    }

    /** A node below this one, located in the file it came from. */
    private ConfigNode child(Node child, ConfigLocation location) {
        String source = sources.get(child);
        return new ConfigNode(child, source == null ? location : location.inSource(source), scalars, sources);
    }

    /**
     * The root of a composed document; {@code sources} names the file of nodes merged in from other
     * files (every other node belongs to {@code name}).
     */
    static ConfigNode root(Node root, String name, Map<Node, String> sources) {
        return new ConfigNode(root, ConfigLocation.root(name).atLine(Math.max(1, line(root))),
                new ScalarConstructor(new LoaderOptions()), sources);
    }

    ConfigLocation location() {
        return at;
    }

    ConfigException error(String reason) {
        return new ConfigException(at, reason);
    }

    boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    // ---- structure ----

    /**
     * The entries of a mapping in file order, with keys limited to {@code allowed}. An unknown key is an
     * error with a suggestion; {@code null} counts as an empty mapping.
     */
    Map<String, ConfigNode> mapping(Collection<String> allowed) {
        if (isNull()) {
            return Map.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a mapping with keys such as " + String.join(", ", allowed) + ", got " + kind());
        }
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                throw new ConfigException(at.atLine(line(keyNode)), "keys must be names, not " + kindOf(keyNode));
            }
            String key = keyScalar.getValue();
            String keySource = sources.get(keyNode);
            ConfigLocation keyAt = (keySource == null ? at : at.inSource(keySource)).key(key, line(keyNode));
            if (!allowed.contains(key)) {
                throw new ConfigException(keyAt, "unknown key '" + key + "'" + NearestName.hint(key, allowed)
                        + (NearestName.among(key, allowed).isPresent() ? ""
                        : " (known keys: " + String.join(", ", new TreeSet<>(allowed)) + ")"));
            }
            if (entries.containsKey(key)) {
                throw new ConfigException(keyAt, "duplicate key '" + key + "' (first at line "
                        + entries.get(key).at.line() + ")");
            }
            Node value = tuple.getValueNode();
            entries.put(key, child(value, keyAt));
        }
        return Collections.unmodifiableMap(entries);
    }

    /** The items of a list; {@code null} counts as an empty list. */
    List<ConfigNode> list() {
        if (isNull()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected a list (lines starting with '- '), got " + kind());
        }
        List<ConfigNode> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            items.add(child(item, at.item(items.size(), line(item))));
        }
        return items;
    }

    // ---- scalars ----

    String text() {
        if (!(node instanceof ScalarNode scalar) || isNull()) {
            throw error("expected a text, got " + kind());
        }
        return scalar.getValue();
    }

    boolean bool() {
        if (!(node instanceof ScalarNode scalar) || !scalar.getTag().equals(Tag.BOOL)) {
            throw error("expected true or false, got " + kind());
        }
        return (Boolean) constructed(scalar);
    }

    /** An int: a YAML int, an integral float, or a constant expression (converted like Python's int()). */
    int integer(ValueCheck check) {
        Value value = number();
        if (tagged(Tag.FLOAT) && value.asDouble() != Math.rint(value.asDouble())) {
            throw error("expected an int, got " + scalarText());
        }
        int result;
        try {
            result = value.asInt();
        } catch (ExpressionException e) {
            throw error(e.getMessage());
        }
        if (!check.accepts(result)) {
            throw error("must be " + check.description() + ", got " + result);
        }
        return result;
    }

    /** A number: a YAML int or float, or a constant expression. */
    Value number() {
        Expression e = expression(ExpressionScope.CONSTANT, "a number");
        Value value = e.evaluate(Variables.empty());
        if (!value.isNumber()) {
            throw error("expected a number, got a " + value.typeName());
        }
        return value;
    }

    /** One of the spellings of {@code choices}. */
    <E extends Enum<E> & ConfigChoice> E choice(E[] choices) {
        return choice(choices, text());
    }

    /** One of the spellings of {@code choices}, whatever the case of the text's letters. */
    <E extends Enum<E> & ConfigChoice> E choiceIgnoringCase(E[] choices) {
        return choice(choices, text().toLowerCase(Locale.ROOT));
    }

    private <E extends Enum<E> & ConfigChoice> E choice(E[] choices, String value) {
        return ConfigChoice.find(choices, value).orElseThrow(() -> {
            List<String> names = ConfigChoice.spellings(choices);
            return error("unknown value '" + value + "', expected one of " + String.join(", ", names)
                    + NearestName.hint(value, names));
        });
    }

    /** An epoch (int), a fraction of the run (float in [0, 1]) or a percentage ({@code 50%}). */
    FrameTime time() {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR) && scalar.getValue().strip().endsWith("%")) {
            String digits = scalar.getValue().strip();
            double percent;
            try {
                percent = Double.parseDouble(digits.substring(0, digits.length() - 1).strip());
            } catch (NumberFormatException e) {
                throw error("expected a time such as 50%, got '" + digits + "'");
            }
            if (!(percent >= 0.0 && percent <= 100.0)) {
                throw error("time " + digits + " is outside the run (0% to 100%)");
            }
            return FrameTime.fraction(percent / 100.0);
        }
        Value value = number();
        if (value instanceof IntValue i) {
            if (i.value() < 0 || i.value() > Integer.MAX_VALUE) {
                throw error("an epoch must be zero or positive, got " + i.value());
            }
            return FrameTime.epoch((int) i.value());
        }
        double fraction = value.asDouble();
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            throw error("a float time is a fraction of the run between 0.0 and 1.0, got " + scalarText()
                    + " (write an int for an epoch, or NN%)");
        }
        return FrameTime.fraction(fraction);
    }

    /**
     * A parameter per its schema. A list is a YAML list or a text split at commas (if it has any) or else
     * at whitespace; each element may be an expression using the variables of {@code scope}; a single
     * value fills a longer list.
     */
    Param param(ParamSchema schema, ExpressionScope scope) {
        if (schema.type() == ParamSchema.Type.TEXT) {
            String value = text();
            if (!schema.options().isEmpty() && !schema.options().contains(value)) {
                throw error("unknown value '" + value + "', expected one of " + String.join(", ", schema.options())
                        + NearestName.hint(value, schema.options()));
            }
            return new Param(schema.name(), schema.type(), List.of(), value, schema.check(), at);
        }
        List<ConfigNode> items = elements(schema);
        List<Expression> elements = new ArrayList<>();
        for (ConfigNode item : items) {
            elements.add(item.element(schema, scope));
        }
        if (!schema.isList() && elements.size() != 1) {
            throw error("expected " + schema.describe() + ", got a list of " + elements.size());
        }
        int shortest = schema.isList() ? Collections.min(schema.lengths()) : 1;
        if (elements.size() == 1 && shortest > 1) {
            elements = Collections.nCopies(shortest, elements.get(0));
        } else if (schema.isList() && !schema.lengths().contains(elements.size())) {
            throw error("expected " + schema.describe() + ", got " + elements.size() + " values");
        }
        return new Param(schema.name(), schema.type(), elements, null, schema.check(), at);
    }

    private List<ConfigNode> elements(ParamSchema schema) {
        if (node instanceof SequenceNode) {
            return list();
        }
        if (!(node instanceof ScalarNode scalar) || isNull()) {
            throw error("expected " + schema.describe() + ", got " + kind());
        }
        if (!schema.isList() || !scalar.getTag().equals(Tag.STR)) {
            return List.of(this);
        }
        String text = scalar.getValue().strip();
        String[] parts = text.contains(",") ? text.split(",") : text.split("\\s+");
        return Arrays.stream(parts)
                .map(p -> new ConfigNode(new ScalarNode(Tag.STR, p.strip(), scalar.getStartMark(), scalar.getEndMark(),
                        scalar.getScalarStyle()), at, scalars, sources))
                .toList();
    }

    /** One element: a number, or an expression restricted to the scope's variables and checked if constant. */
    private Expression element(ParamSchema schema, ExpressionScope scope) {
        String wanted = schema.type() == ParamSchema.Type.INT ? "an int" : "a number";
        Expression e = expression(scope, wanted);
        if (schema.type() == ParamSchema.Type.INT && tagged(Tag.FLOAT)) {
            double v = e.evaluate(Variables.empty()).asDouble();
            if (v != Math.rint(v)) {
                throw error("expected an int, got " + scalarText());
            }
        }
        if (e.isConstant()) {
            Value value = e.evaluate(Variables.empty());
            if (!value.isNumber()) {
                throw error("expected " + wanted + ", but '" + e + "' gives a " + value.typeName());
            }
            double converted;
            try {
                converted = schema.type() == ParamSchema.Type.INT ? value.asInt() : value.asDouble();
            } catch (ExpressionException ex) {
                throw error(ex.getMessage());
            }
            if (!schema.check().accepts(converted)) {
                throw error("must be " + schema.check().description() + ", got " + value);
            }
        }
        return e;
    }

    /** A YAML number as a constant, or a text parsed as an expression over the scope's variables. */
    private Expression expression(ExpressionScope scope, String wanted) {
        if (!(node instanceof ScalarNode scalar) || isNull() || tagged(Tag.BOOL)) {
            throw error("expected " + wanted + ", got " + kind());
        }
        if (tagged(Tag.INT) || tagged(Tag.FLOAT)) {
            Object number = constructed(scalar);
            if (number instanceof BigInteger) {
                throw error("number " + scalar.getValue() + " is too large");
            }
            return Expression.constant(number instanceof Double d ? Value.of(d) : Value.of(((Number) number).longValue()));
        }
        Expression e;
        try {
            e = Expression.parse(scalar.getValue());
        } catch (ExpressionException ex) {
            throw error(ex.getMessage());
        }
        List<String> unavailable = e.variables().stream().filter(v -> !scope.variables().contains(v)).toList();
        if (!unavailable.isEmpty()) {
            throw error(scope.variables().isEmpty()
                    ? "must be constant, but '" + e + "' uses " + quoted(unavailable)
                    : "'" + e + "' uses " + quoted(unavailable) + ", which is not available here (available: "
                    + String.join(", ", scope.variables()) + ")");
        }
        return e;
    }

    /**
     * The scalar as its tag makes it. A value its explicit tag does not fit ({@code !!bool maybe},
     * {@code !!int abc}) is refused naming both; snakeyaml's own failure there is an NPE or a
     * NumberFormatException whose text says nothing to a user, so it is not passed on.
     */
    private Object constructed(ScalarNode scalar) {
        Object value;
        try {
            value = scalars.construct(scalar);
        } catch (RuntimeException e) {
            value = null;
        }
        if (value == null) {
            String tag = scalar.getTag().getValue();
            throw error("'" + scalar.getValue() + "' is not a valid "
                    + (tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag));
        }
        return value;
    }

    private boolean tagged(Tag tag) {
        return node instanceof ScalarNode s && s.getTag().equals(tag);
    }

    private String scalarText() {
        return node instanceof ScalarNode s ? s.getValue() : kind();
    }

    private String kind() {
        return kindOf(node);
    }

    private static String kindOf(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar.getTag().equals(Tag.NULL)) {
            return "nothing";
        }
        return "'" + scalar.getValue() + "'";
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }

    private static int line(Node node) {
        return node.getStartMark() != null ? node.getStartMark().getLine() + 1 : 0;
    }


    /** Gives access to snakeyaml's construction of single scalars (ints in all YAML notations, floats, bools). */
    private static final class ScalarConstructor extends SafeConstructor {
        ScalarConstructor(LoaderOptions options) {
            super(options);
        }

        Object construct(ScalarNode scalar) {
            return constructObject(scalar);
        }
    }

    /** Optional access to an entry, treating an explicit {@code null} like an absent key. */
    static Optional<ConfigNode> entry(Map<String, ConfigNode> entries, String key) {
        ConfigNode value = entries.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }
}
