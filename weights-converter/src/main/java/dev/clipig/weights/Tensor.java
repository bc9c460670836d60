package dev.clipig.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * A strided view of little-endian storage, as PyTorch lays tensors out: element
 * {@code (i0, i1, ...)} sits at storage element {@code offset + i0*stride0 + i1*stride1 + ...}.
 * Views share their storage; nothing is copied until {@link #contiguousBytes()} must gather.
 */
public final class Tensor {
    /** More dimensions than any weight has; NumPy allows 64, PyTorch 25 for some ops. */
    public static final int MAX_RANK = 32;

    private final DType dtype;
    private final int[] shape;
    private final int[] strides;
    private final int offset;
    private final ByteBuffer storage;

    private Tensor(DType dtype, int[] shape, int[] strides, int offset, ByteBuffer storage) {
        this.dtype = dtype;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.storage = storage.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A row-major tensor over {@code data}, which must hold exactly its elements. */
    public static Tensor contiguous(DType dtype, int[] shape, ByteBuffer data) {
        byteSize(dtype, shape);
        Tensor tensor = new Tensor(dtype, shape.clone(), rowMajorStrides(shape), 0, data.slice());
        if ((long) data.remaining() != tensor.numel() * dtype.byteSize()) {
            throw new IllegalArgumentException("holds " + data.remaining() + " bytes, but shape "
                    + Arrays.toString(shape) + " of " + dtype + " needs " + tensor.numel() * dtype.byteSize());
        }
        return tensor;
    }

    /**
     * A view of {@code storage} (from its position on); every element it can address must lie
     * inside the storage, which is checked here, once, so reads need no checks.
     */
    public static Tensor strided(DType dtype, int[] shape, int[] strides, int offset, ByteBuffer storage) {
        if (shape.length != strides.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " and strides "
                    + Arrays.toString(strides) + " differ in rank");
        }
        byteSize(dtype, shape);
        long elements = storage.remaining() / dtype.byteSize();
        long last = offset;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] < 0 || strides[d] < 0) {
                throw new IllegalArgumentException("negative size or stride in " + Arrays.toString(shape)
                        + " / " + Arrays.toString(strides));
            }
            if (shape[d] == 0) {
                last = offset - 1;
                break;
            }
            last += (long) (shape[d] - 1) * strides[d];
            if (last >= elements) {
                break; // reported below; stopping here keeps the sum from overflowing
            }
        }
        if (offset < 0 || last >= elements) {
            throw new IllegalArgumentException("view of shape " + Arrays.toString(shape) + " at offset " + offset
                    + " reaches element " + last + " of a storage of " + elements);
        }
        return new Tensor(dtype, shape.clone(), strides.clone(), offset, storage.slice());
    }

    /**
     * The bytes a tensor of this shape takes, checked to be a shape whose strides, element count
     * and byte count all fit an int, the bounds every tensor here is read within: with rank, sizes
     * and product checked, no later step overflows.
     *
     * @throws IllegalArgumentException naming the shape if it is not
     */
    public static long byteSize(DType dtype, int[] shape) {
        if (shape.length > MAX_RANK) {
            throw new IllegalArgumentException("shape has " + shape.length + " dimensions, more than " + MAX_RANK);
        }
        long product = dtype.byteSize();
        for (int size : shape) {
            if (size < 0) {
                throw new IllegalArgumentException("negative size in shape " + Arrays.toString(shape));
            }
            product *= Math.max(size, 1);
            if (product > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + dtype
                        + " needs more than 2 GiB");
            }
        }
        return Arrays.stream(shape).anyMatch(size -> size == 0) ? 0 : product;
    }

    private static int[] rowMajorStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int step = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = step;
            step = Math.multiplyExact(step, Math.max(shape[d], 1));
        }
        return strides;
    }

    public DType dtype() {
        return dtype;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long numel() {
        long count = 1;
        for (int size : shape) {
            count *= size;
        }
        return count;
    }

    public boolean isContiguous() {
        return Arrays.equals(strides, rowMajorStrides(shape)) || numel() <= 1;
    }

    /** The matrix transposed, as a view. */
    public Tensor transpose() {
        if (shape.length != 2) {
            throw new IllegalArgumentException("transpose needs a matrix, not shape " + Arrays.toString(shape));
        }
        return new Tensor(dtype, new int[] {shape[1], shape[0]}, new int[] {strides[1], strides[0]}, offset, storage);
    }

    /** Tensors of one dtype and equal trailing sizes stacked along their first dimension, in a new buffer. */
    public static Tensor concat(List<Tensor> parts) {
        Tensor first = parts.get(0);
        int rows = 0;
        for (Tensor part : parts) {
            if (part.dtype != first.dtype || part.rank() != first.rank() || part.rank() == 0
                    || !Arrays.equals(part.shape, 1, part.rank(), first.shape, 1, first.rank())) {
                throw new IllegalArgumentException("cannot stack " + part.dtype + Arrays.toString(part.shape)
                        + " onto " + first.dtype + Arrays.toString(first.shape));
            }
            rows += part.shape[0];
        }
        int[] shape = first.shape.clone();
        shape[0] = rows;
        long bytes = parts.stream().mapToLong(p -> p.numel() * p.dtype.byteSize()).sum();
        ByteBuffer joined = ByteBuffer.allocate(Math.toIntExact(bytes));
        parts.forEach(part -> joined.put(part.contiguousBytes()));
        return contiguous(first.dtype, shape, joined.flip());
    }

    /**
     * The elements in row-major order, little-endian: a view of the storage when the tensor is
     * contiguous, otherwise a gathered copy.
     */
    public ByteBuffer contiguousBytes() {
        int size = dtype.byteSize();
        int count = Math.toIntExact(numel());
        if (isContiguous()) {
            return storage.slice(offset * size, count * size).order(ByteOrder.LITTLE_ENDIAN);
        }
        ByteBuffer gathered = ByteBuffer.allocate(count * size).order(ByteOrder.LITTLE_ENDIAN);
        int[] index = new int[shape.length];
        int innermost = shape.length - 1;
        for (int done = 0; done < count; done += shape[innermost]) {
            int at = offset;
            for (int d = 0; d < innermost; d++) {
                at += index[d] * strides[d];
            }
            for (int i = 0; i < shape[innermost]; i++, at += strides[innermost]) {
                for (int b = 0; b < size; b++) {
                    gathered.put(storage.get(at * size + b));
                }
            }
            for (int d = innermost - 1; d >= 0 && ++index[d] == shape[d]; d--) {
                index[d] = 0;
            }
        }
        return gathered.flip();
    }

    /** The elements in row-major order, widened or rounded to float. */
    public float[] toFloats() {
        ByteBuffer bytes = contiguousBytes();
        float[] values = new float[Math.toIntExact(numel())];
        if (dtype == DType.F32) {
            bytes.asFloatBuffer().get(values);
        } else {
            for (int i = 0; i < values.length; i++) {
                values[i] = Elements.readFloat(bytes, dtype, i);
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return dtype + Arrays.toString(shape);
    }
}
