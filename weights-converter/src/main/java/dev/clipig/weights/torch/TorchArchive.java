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
                collect("", module.attributes(), tensors);
                return new Checkpoint(path, TORCHSCRIPT, tensors);
            }
            if (tree instanceof Map<?, ?> stateDict) {
                collect("", stateDict, tensors);
                return new Checkpoint(path, STATE_DICT, tensors);
            }
            throw new WeightsException(path + ": " + pickle + " holds a "
                    + (tree == null ? "None" : tree.getClass().getSimpleName()) + ", not a module or a state dict");
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

    /** Tensors under dotted names; submodules and nested dicts recurse, other values are skipped. */
    private static void collect(String prefix, Map<?, ?> values, Map<String, Tensor> tensors) {
        values.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Tensor tensor) {
                tensors.put(name, tensor);
            } else if (value instanceof ScriptModule module) {
                collect(name + ".", module.attributes(), tensors);
            } else if (value instanceof Map<?, ?> nested) {
                collect(name + ".", nested, tensors);
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
                throw new WeightsException(path + ": unsupported persistent id " + persistentId + " in data.pkl");
            }
            return loaded.computeIfAbsent(key, k -> {
                String entry = root + "data/" + key;
                long size = zip.size(entry);
                if (size < 0) {
                    throw new WeightsException(path + ": missing storage entry '" + entry + "'");
                }
                long needed = elements * type.dtype().byteSize();
                if (size < needed) {
                    throw new WeightsException(path + ": storage entry '" + entry + "' holds " + size
                            + " bytes, fewer than the " + needed + " of " + elements + " " + type.dtype() + " elements");
                }
                ByteBuffer bytes = zip.read(entry);
                return new Storage(entry, type.dtype(), bytes.slice(0, (int) needed));
            });
        }
    }
}
