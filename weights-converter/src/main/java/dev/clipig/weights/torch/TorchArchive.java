package dev.clipig.weights.torch;

import dev.clipig.weights.Checkpoint;
import dev.clipig.weights.Tensor;
import dev.clipig.weights.WeightsException;
import dev.clipig.weights.pickle.Unpickler;
import dev.clipig.weights.zip.ZipArchive;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyTorch's zip checkpoints: a TorchScript archive ({@code torch.jit.save}, OpenAI's release) or
 * a {@code torch.save} state dict. Both hold {@code <root>/data.pkl}, whose persistent ids name
 * storages stored as {@code <root>/data/<key>}; the tensors come out as views of those entries,
 * memory-mapped, under the dotted names of the module tree or state dict.
 */
public final class TorchArchive {
    public static final String TORCHSCRIPT = "TorchScript archive";
    public static final String STATE_DICT = "torch.save state dict";
    static final int MAX_DEPTH = 64;

    private TorchArchive() {
    }

    public static Checkpoint read(Path path) {
        try (ZipArchive zip = ZipArchive.open(path)) {
            String root = root(path, zip);
            String pickle = root + "data.pkl";
            Object tree = Unpickler.load(path + ":" + pickle, zip.read(pickle), new TorchGlobals(),
                    new StorageLoader(path, zip, root)::load);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            if (tree instanceof ScriptModule module) {
                collect(path, "", module.attributes(), tensors, 0);
                return new Checkpoint(path, TORCHSCRIPT, tensors);
            }
            if (tree instanceof Map<?, ?> stateDict) {
                collect(path, "", stateDict, tensors, 0);
                return new Checkpoint(path, STATE_DICT, tensors);
            }
            throw new WeightsException(path + ": " + pickle + " holds a " + Unpickler.describe(tree)
                    + ", not a module or a state dict");
        }
    }

    /** The folder holding data.pkl: the archive's one top-level directory, whatever it is called. */
    private static String root(Path path, ZipArchive zip) {
        List<String> roots = zip.names().stream()
                .filter(name -> name.endsWith("/data.pkl") && name.indexOf('/') == name.length() - "/data.pkl".length())
                .map(name -> name.substring(0, name.length() - "data.pkl".length()))
                .toList();
        if (roots.size() != 1) {
            throw new WeightsException(path + ": a zip archive but not a PyTorch checkpoint: "
                    + (roots.isEmpty() ? "no <root>/data.pkl entry" : "several data.pkl entries " + roots));
        }
        return roots.get(0);
    }

    /**
     * Tensors under dotted names; submodules and nested dicts recurse, other values are skipped.
     * Real module trees nest a handful of levels; a pickle may nest thousands or contain itself,
     * which {@value #MAX_DEPTH} levels stop either way.
     */
    private static void collect(Path path, String prefix, Map<?, ?> values, Map<String, Tensor> tensors, int depth) {
        if (depth > MAX_DEPTH) {
            throw new WeightsException(path + ": data.pkl nests modules or dicts more than " + MAX_DEPTH
                    + " levels deep (or contains itself), at '" + prefix + "'");
        }
        values.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Tensor tensor) {
                tensors.put(name, tensor);
            } else if (value instanceof ScriptModule module) {
                collect(path, name + ".", module.attributes(), tensors, depth + 1);
            } else if (value instanceof Map<?, ?> nested) {
                collect(path, name + ".", nested, tensors, depth + 1);
            }
        });
    }

    /** Resolves persistent ids {@code ('storage', type, key, location, numel)} to mapped entries, once per key. */
    private record StorageLoader(Path path, ZipArchive zip, String root, Map<String, Storage> loaded) {
        StorageLoader(Path path, ZipArchive zip, String root) {
            this(path, zip, root, new HashMap<>());
        }

        Object load(Object persistentId) {
            if (!(persistentId instanceof List<?> id) || id.size() != 5 || !"storage".equals(id.get(0))
                    || !(id.get(1) instanceof TorchGlobals.StorageType type) || !(id.get(2) instanceof String key)
                    || !(id.get(4) instanceof Long elements)) {
                throw new WeightsException(path + ": unsupported persistent id in data.pkl: a "
                        + Unpickler.describe(persistentId) + ", not ('storage', type, key, location, numel)");
            }
            return loaded.computeIfAbsent(key, k -> {
                String entry = root + "data/" + key;
                long size = zip.size(entry);
                if (size < 0) {
                    throw new WeightsException(path + ": missing storage entry '" + entry + "'");
                }
                if (elements < 0 || elements > size / type.dtype().byteSize()) {
                    throw new WeightsException(path + ": storage entry '" + entry + "' holds " + size
                            + " bytes, not the " + elements + " " + type.dtype() + " elements data.pkl says");
                }
                long needed = elements * type.dtype().byteSize();
                ByteBuffer bytes = zip.read(entry);
                return new Storage(entry, type.dtype(), bytes.slice(0, (int) needed));
            });
        }
    }
}
