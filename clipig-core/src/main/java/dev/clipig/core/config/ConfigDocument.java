package dev.clipig.core.config;

import dev.clipig.io.InputFile;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A config's YAML before it is read: one file, or several merged the way CLIPig's command line merges
 * them (mappings merged key by key, lists of mappings such as {@code targets} appended, anything else
 * replaced by the later file), with command-line settings on top. Every node remembers the file it
 * came from, so that an error in the merged config names the right file and line.
 *
 * <pre>{@code
 * ClipigConfig config = ConfigDocument.read(Path.of("best-meta-settings.yaml"))
 *         .mergedWith(ConfigDocument.read(Path.of("specific.yaml")))
 *         .withSettings(Map.of("epochs", 100), "command line")
 *         .toConfig();
 * }</pre>
 */
public final class ConfigDocument {

    private final Node root;
    private final Map<Node, String> sources;
    private final String name;

    private ConfigDocument(Node root, Map<Node, String> sources, String name) {
        this.root = root;
        this.sources = sources;
        this.name = name;
    }

    /** Reads a config file; an unreadable file or invalid YAML is a one-line {@link ConfigException}. */
    public static ConfigDocument read(Path path) {
        ConfigLocation file = ConfigLocation.programmatic(path.toString(), "");
        InputFile.fault(path).ifPresent(fault -> {
            throw new ConfigException(file, "cannot read config file: " + fault);
        });
        String text;
        try {
            if (Files.size(path) > 4L * YamlLimits.MAX_CHARACTERS) {
                throw new ConfigException(file, "is larger than a config may be (" + YamlLimits.MAX_CHARACTERS
                        + " characters)");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file, "cannot read config file: " + InputFile.describe(e));
        }
        return parse(text, path.toString());
    }

    /** Parses config text; {@code source} names it in messages. An empty text is an empty mapping. */
    public static ConfigDocument parse(String yaml, String source) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(YamlLimits.loaderOptions())).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark != null ? mark.getLine() + 1 : 1;
            throw new ConfigException(ConfigLocation.root(source).atLine(line),
                    "invalid YAML: " + oneLine(e.getProblem() != null ? e.getProblem() : e.getContext()));
        } catch (YAMLException e) {
            throw new ConfigException(ConfigLocation.root(source), "invalid YAML: " + oneLine(e.getMessage()));
        }
        if (root == null) {
            root = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
        }
        YamlLimits.check(root, source);
        return new ConfigDocument(root, Map.of(), source);
    }

    /** The name of the last file merged in, which the config carries as its source. */
    public String name() {
        return name;
    }

    /**
     * This document with {@code later} merged on top, as CLIPig merges its config files: a mapping
     * in both is merged key by key; a list of mappings (targets, postproc) gets the later items
     * appended; any other value is replaced. CLIPig also appends lists of numbers, which turns two
     * {@code resolution}s into an invalid four-number one; here the later file's list wins.
     */
    public ConfigDocument mergedWith(ConfigDocument later) {
        Map<Node, String> merged = new IdentityHashMap<>();
        merged.putAll(origins());
        merged.putAll(later.origins());
        return new ConfigDocument(merge(root, later.root), Collections.unmodifiableMap(merged), later.name);
    }

    /**
     * This document with top-level settings replaced, for command-line options such as
     * {@code --epochs}; values are YAML-representable (numbers, text, lists of them), and a bad value
     * is reported like a bad key in a file named {@code source}.
     */
    public ConfigDocument withSettings(Map<String, ?> settings, String source) {
        if (settings.isEmpty()) return this;
        Node represented = new Yaml().represent(new LinkedHashMap<>(settings));
        Map<Node, String> origins = new IdentityHashMap<>(origins());
        markAll(represented, source, origins);
        Map<String, NodeTuple> replaced = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) represented).getValue()) {
            replaced.put(((ScalarNode) t.getKeyNode()).getValue(), t);
        }
        List<NodeTuple> tuples = new ArrayList<>();
        if (root instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
                NodeTuple setting = t.getKeyNode() instanceof ScalarNode key ? replaced.remove(key.getValue()) : null;
                tuples.add(setting == null ? t : setting);
            }
        }
        tuples.addAll(replaced.values());
        MappingNode top = new MappingNode(Tag.MAP, tuples, DumperOptions.FlowStyle.BLOCK);
        origins.put(top, origins().getOrDefault(root, name));
        return new ConfigDocument(root instanceof MappingNode ? top : root, Collections.unmodifiableMap(origins),
                name);
    }

    /** Reads the document into a config; any problem is a one-line {@link ConfigException}. */
    public ClipigConfig toConfig() {
        return ConfigReader.read(ConfigNode.root(root, name, sources));
    }

    /** The merged YAML as block-style text, for the record written beside an image. */
    public String toYaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        StringWriter out = new StringWriter();
        try {
            new Yaml(options).serialize(root, out);
        } catch (YAMLException e) {
            throw new ConfigException(ConfigLocation.root(name), "cannot write the config as YAML: "
                    + oneLine(e.getMessage()));
        }
        return out.toString();
    }

    /** Every node of this document with its file; nodes not yet marked belong to {@link #name}. */
    private Map<Node, String> origins() {
        Map<Node, String> all = new IdentityHashMap<>(sources);
        markAll(root, name, all);
        return all;
    }

    private static void markAll(Node node, String source, Map<Node, String> origins) {
        if (origins.putIfAbsent(node, source) != null && node instanceof CollectionNode<?>) return;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
                markAll(t.getKeyNode(), source, origins);
                markAll(t.getValueNode(), source, origins);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) markAll(item, source, origins);
        }
    }

    private static Node merge(Node earlier, Node later) {
        if (earlier instanceof MappingNode a && later instanceof MappingNode b) {
            List<NodeTuple> tuples = new ArrayList<>(a.getValue());
            for (NodeTuple t : b.getValue()) {
                int at = indexOf(tuples, t.getKeyNode());
                if (at < 0) {
                    tuples.add(t);
                } else {
                    tuples.set(at, new NodeTuple(tuples.get(at).getKeyNode(),
                            merge(tuples.get(at).getValueNode(), t.getValueNode())));
                }
            }
            return new MappingNode(a.getTag(), true, tuples, a.getStartMark(), a.getEndMark(), a.getFlowStyle());
        }
        if (earlier instanceof SequenceNode a && later instanceof SequenceNode b && listOfMappings(a, b)) {
            List<Node> items = new ArrayList<>(a.getValue());
            items.addAll(b.getValue());
            return new SequenceNode(a.getTag(), true, items, a.getStartMark(), a.getEndMark(), a.getFlowStyle());
        }
        return later;
    }

    private static boolean listOfMappings(SequenceNode a, SequenceNode b) {
        return a.getValue().stream().allMatch(n -> n instanceof MappingNode)
                && b.getValue().stream().allMatch(n -> n instanceof MappingNode);
    }

    private static int indexOf(List<NodeTuple> tuples, Node key) {
        if (!(key instanceof ScalarNode k)) return -1;
        for (int i = 0; i < tuples.size(); i++) {
            if (tuples.get(i).getKeyNode() instanceof ScalarNode s && s.getValue().equals(k.getValue())) return i;
        }
        return -1;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
