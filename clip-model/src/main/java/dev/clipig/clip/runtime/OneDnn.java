package dev.clipig.clip.runtime;

import java.util.Optional;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.LoggerFactory;

/**
 * The one door to oneDNN's primitives (bytedeco's build of oneDNN 2.5), which run the image
 * encoder's inference on the CPU in place of ND4J's ops: fewer, fused kernels where ND4J runs some
 * thirty small ops per block (docs/performance.md). Only on the CPU backend; the CUDA build keeps
 * ND4J's ops, and {@code -Dclipig.onednn=false} keeps them on the CPU too.
 */
public final class OneDnn {
    /** The system property that turns the oneDNN path off where it would run. */
    public static final String PROPERTY = "clipig.onednn";

    private OneDnn() {
    }

    /** A CPU engine, or empty where the path is off, not on the CPU, or the library does not load. */
    public static Optional<engine> cpuEngine() {
        if ("false".equals(System.getProperty(PROPERTY)) || !Nd4j.getEnvironment().isCPU()) return Optional.empty();
        try {
            Loader.load(dnnl.class);
            return Optional.of(new engine(engine.kind.cpu, 0));
        } catch (RuntimeException | LinkageError e) {
            LoggerFactory.getLogger(OneDnn.class).debug("oneDNN unavailable, ND4J's ops run the encoder", e);
            return Optional.empty();
        }
    }

    /** A dense row-major float32 descriptor of {@code dims}. */
    public static memory.desc dense(long... dims) {
        return strided(dims, denseStrides(dims));
    }

    /** A descriptor of {@code count} bytes, for a scratchpad. */
    public static memory.desc bytes(long count) {
        return new memory.desc(new long[] {count}, memory.data_type.u8, memory.format_tag.a);
    }

    /** A float32 descriptor of {@code dims} with the given element strides (a view). */
    public static memory.desc strided(long[] dims, long... strides) {
        return new memory.desc(dims, memory.data_type.f32, strides);
    }

    /** The address {@code elements} float32 values past {@code base}. */
    public static Pointer advance(Pointer base, long elements) {
        return new Pointer(base).position(base.position() + elements * Float.BYTES);
    }

    /**
     * A descriptor of the matmul weights {@code [in, out]} stored as PyTorch's {@code [out, in]}
     * rows, so that oneDNN reads a linear layer's weight where ND4J keeps it.
     */
    public static memory.desc transposedWeights(long in, long out) {
        return strided(new long[] {in, out}, 1, in);
    }

    /**
     * oneDNN memory over an ND4J array's own buffer; the array must be dense float32 in row-major
     * order and must outlive the memory.
     */
    public static memory wrap(memory.desc desc, engine engine, INDArray array) {
        return new memory(desc, engine, pointer(array));
    }

    /**
     * The address of an array's first element, checked to be dense row-major float32 at the start of
     * its buffer (a pointer's position would count bytes where oneDNN takes a {@code void*}).
     */
    public static Pointer pointer(INDArray array) {
        if (array.dataType() != DataType.FLOAT || array.ordering() != 'c' || array.offset() != 0
                || !Shape.hasDefaultStridesForShape(array)) {
            throw new IllegalArgumentException("oneDNN needs dense row-major float32 arrays at offset 0, got "
                    + array.dataType() + " " + array.shapeInfoToString() + " at offset " + array.offset());
        }
        return array.data().addressPointer();
    }

    /** Row-major strides; ND4J's {@code ArrayUtil.calcStrides} gives [1, 1] for [1, n], which oneDNN refuses. */
    private static long[] denseStrides(long[] dims) {
        long[] strides = new long[dims.length];
        long stride = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= dims[i];
        }
        return strides;
    }
}
