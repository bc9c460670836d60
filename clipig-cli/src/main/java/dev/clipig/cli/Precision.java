package dev.clipig.cli;

import dev.clipig.weights.DType;

/** The element types {@code convert --dtype} writes, by the names users know them by. */
enum Precision {
    FP32(DType.F32),
    FP16(DType.F16);

    private final DType dtype;

    Precision(DType dtype) {
        this.dtype = dtype;
    }

    DType dtype() {
        return dtype;
    }
}
