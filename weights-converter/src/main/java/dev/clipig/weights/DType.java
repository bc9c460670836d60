package dev.clipig.weights;

import java.util.Arrays;
import java.util.Optional;

/** The element types a CLIP checkpoint may store, with their names in each file format. */
public enum DType {
    F16(2, "F16", "HalfStorage"),
    BF16(2, "BF16", "BFloat16Storage"),
    F32(4, "F32", "FloatStorage"),
    F64(8, "F64", "DoubleStorage"),
    I64(8, "I64", "LongStorage");

    private final int byteSize;
    private final String safetensorsName;
    private final String torchStorageName;

    DType(int byteSize, String safetensorsName, String torchStorageName) {
        this.byteSize = byteSize;
        this.safetensorsName = safetensorsName;
        this.torchStorageName = torchStorageName;
    }

    public int byteSize() {
        return byteSize;
    }

    public String safetensorsName() {
        return safetensorsName;
    }

    public static Optional<DType> fromSafetensorsName(String name) {
        return Arrays.stream(values()).filter(t -> t.safetensorsName.equals(name)).findFirst();
    }

    /** {@code torch.HalfStorage} and its kin, as named in a pickle's GLOBAL opcode. */
    public static Optional<DType> fromTorchStorageName(String name) {
        return Arrays.stream(values()).filter(t -> t.torchStorageName.equals(name)).findFirst();
    }
}
