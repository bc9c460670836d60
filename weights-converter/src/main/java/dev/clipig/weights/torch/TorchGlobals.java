package dev.clipig.weights.torch;

import dev.clipig.weights.DType;
import dev.clipig.weights.Tensor;
import dev.clipig.weights.pickle.Unpickler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The only globals a PyTorch weights pickle may name. Everything else, {@code os.system}
 * included, is refused, so a malicious checkpoint cannot make the reader do anything but build
 * tensors, dicts and attribute bags.
 */
final class TorchGlobals implements Unpickler.Globals {
    /** A storage class named in a persistent id, e.g. {@code torch.HalfStorage}. */
    record StorageType(DType dtype) {
    }

    /** TorchScript's pickler wraps typed containers in these; they return their first argument. */
    private static final Set<String> IDENTITIES = Set.of(
            "torch._utils._rebuild_parameter",
            "torch._utils._rebuild_parameter_with_state",
            "torch.jit._pickle.restore_type_tag",
            "torch.jit._pickle.build_intlist",
            "torch.jit._pickle.build_doublelist",
            "torch.jit._pickle.build_boollist",
            "torch.jit._pickle.build_tensorlist");

    @Override
    public Object resolve(String module, String name) {
        String qualified = module + "." + name;
        if (module.equals("__torch__") || module.startsWith("__torch__.")) {
            return (Unpickler.Type) arguments -> new ScriptModule(qualified);
        }
        if (module.equals("torch")) {
            Optional<DType> storage = DType.fromTorchStorageName(name);
            if (storage.isPresent()) {
                return new StorageType(storage.get());
            }
        }
        if (IDENTITIES.contains(qualified)) {
            return (Unpickler.Function) arguments -> {
                if (arguments.isEmpty()) {
                    throw new IllegalArgumentException(qualified + " called without arguments");
                }
                return arguments.get(0);
            };
        }
        return switch (qualified) {
            case "torch._utils._rebuild_tensor_v2" -> (Unpickler.Function) TorchGlobals::rebuildTensor;
            case "collections.OrderedDict" -> (Unpickler.Function) arguments -> {
                if (!arguments.isEmpty()) {
                    throw new IllegalArgumentException("OrderedDict built from " + arguments.size() + " arguments");
                }
                return new LinkedHashMap<>();
            };
            default -> null;
        };
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, hooks[, metadata])}. */
    private static Tensor rebuildTensor(List<Object> arguments) {
        if (arguments.size() < 4 || !(arguments.get(0) instanceof Storage storage)
                || !(arguments.get(1) instanceof Long offset)) {
            throw new IllegalArgumentException("_rebuild_tensor_v2 called with "
                    + arguments.stream().map(Unpickler::describe).toList() + ", not (storage, int, ...)");
        }
        String where = "tensor in storage '" + storage.entry() + "': ";
        try {
            return Tensor.strided(storage.dtype(), ints(arguments.get(2), where + "size"),
                    ints(arguments.get(3), where + "stride"), Math.toIntExact(offset), storage.bytes());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(where + "offset " + offset + " is out of range", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static int[] ints(Object tuple, String what) {
        if (!(tuple instanceof List<?> values) || values.size() > Tensor.MAX_RANK) {
            throw new IllegalArgumentException(what + " is a " + Unpickler.describe(tuple)
                    + ", not a tuple of at most " + Tensor.MAX_RANK + " ints");
        }
        int[] ints = new int[values.size()];
        for (int i = 0; i < ints.length; i++) {
            if (!(values.get(i) instanceof Long value) || value < 0 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(what + " holds a " + Unpickler.describe(values.get(i))
                        + (values.get(i) instanceof Long value ? " " + value : "") + ", not a size");
            }
            ints[i] = (int) (long) value;
        }
        return ints;
    }
}
