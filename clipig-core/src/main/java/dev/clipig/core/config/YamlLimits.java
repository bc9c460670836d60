package dev.clipig.core.config;

import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * How large a config may be, checked before anything walks it. A real config has tens to hundreds
 * of nodes in a few kilobytes; the limits sit orders of magnitude above that and far below what
 * would take the loader seconds or gigabytes. Aliases are the danger: a few lines whose aliases
 * point at lists of aliases expand into billions of nodes for whoever walks the tree (the merge,
 * the reader, the record's YAML), and an alias inside its own anchor makes a cycle.
 * (docs/limits.md lists every limit.)
 */
final class YamlLimits {
    /** Characters of one config file (1 MiB). */
    static final int MAX_CHARACTERS = 1 << 20;
    /** Nodes of a config with every alias expanded. */
    static final long MAX_EXPANDED_NODES = 100_000;
    /** Levels of nested lists and mappings, aliases expanded. */
    static final int MAX_DEPTH = 64;
    private static final int MAX_COLLECTION_ALIASES = 50;

    private YamlLimits() {
    }

    /** snakeyaml's own limits, applied while it parses: text length, nesting, aliases of collections. */
    static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARACTERS);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /**
     * Refuses a tree that is too large or too deep once aliases are expanded, or that contains
     * itself. Each node is measured once, so the check takes time in the nodes written, not expanded.
     */
    static void check(Node root, String source) {
        new Measure(source).of(root, 1);
    }

    private static final class Measure {
        private final String source;
        private final Map<Node, long[]> measured = new IdentityHashMap<>();

        Measure(String source) {
            this.source = source;
        }

        /** {expanded nodes, depth} of {@code node}, found at {@code level}. */
        long[] of(Node node, int level) {
            if (level > MAX_DEPTH) throw refusal("nests lists and mappings more than " + MAX_DEPTH + " levels deep");
            long[] known = measured.get(node);
            if (known == IN_PROGRESS) throw refusal("contains itself through an alias");
            if (known != null) {
                if (level + known[1] - 1 > MAX_DEPTH) {
                    throw refusal("nests lists and mappings more than " + MAX_DEPTH + " levels deep");
                }
                return known;
            }
            measured.put(node, IN_PROGRESS);
            long nodes = 1;
            long depth = 0;
            if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    for (Node child : new Node[] {tuple.getKeyNode(), tuple.getValueNode()}) {
                        long[] size = of(child, level + 1);
                        nodes += size[0];
                        depth = Math.max(depth, size[1]);
                    }
                    checkNodes(nodes);
                }
            } else if (node instanceof SequenceNode sequence) {
                for (Node child : sequence.getValue()) {
                    long[] size = of(child, level + 1);
                    nodes += size[0];
                    depth = Math.max(depth, size[1]);
                    checkNodes(nodes);
                }
            }
            long[] size = {nodes, depth + 1};
            measured.put(node, size);
            return size;
        }

        private void checkNodes(long nodes) {
            if (nodes > MAX_EXPANDED_NODES) {
                throw refusal("has more than " + MAX_EXPANDED_NODES + " values once its aliases are expanded");
            }
        }

        private ConfigException refusal(String what) {
            return new ConfigException(ConfigLocation.root(source), "the YAML " + what);
        }

        private static final long[] IN_PROGRESS = new long[0];
    }
}
