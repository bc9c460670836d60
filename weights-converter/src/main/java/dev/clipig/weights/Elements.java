package dev.clipig.weights;

import java.nio.ByteBuffer;

/**
 * Reads and converts elements of little-endian buffers between the {@link DType}s.
 *
 * <p>Half and bfloat16 values go to float without passing through double, because widening a
 * float to double quiets signalling NaNs: every bit pattern survives a conversion to F32.
 */
public final class Elements {
    private Elements() {
    }

    /** Element {@code index} of {@code source} as a float: exact from F16, BF16 and F32, rounded otherwise. */
    public static float readFloat(ByteBuffer source, DType type, int index) {
        int at = index * type.byteSize();
        return switch (type) {
            case F16 -> Float16.toFloat(source.getShort(at));
            case BF16 -> BFloat16.toFloat(source.getShort(at));
            case F32 -> source.getFloat(at);
            case F64 -> (float) source.getDouble(at);
            case I64 -> (float) source.getLong(at);
        };
    }

    /**
     * Appends elements {@code [first, first + count)} of {@code source} to {@code target}
     * converted to {@code to}, which must be F16 or F32: the two types weights are written in.
     * Each value is rounded once.
     */
    public static void convert(ByteBuffer source, DType from, int first, int count, ByteBuffer target, DType to) {
        int end = first + count;
        if (from == to) {
            int size = from.byteSize();
            target.put(source.slice(first * size, count * size));
        } else if (to == DType.F32) {
            for (int i = first; i < end; i++) {
                target.putFloat(readFloat(source, from, i));
            }
        } else if (to == DType.F16 && from == DType.F64) {
            for (int i = first; i < end; i++) {
                target.putShort(Float16.fromDouble(source.getDouble(i * Double.BYTES)));
            }
        } else if (to == DType.F16 && from == DType.I64) {
            for (int i = first; i < end; i++) {
                target.putShort(Float16.fromDouble(source.getLong(i * Long.BYTES)));
            }
        } else if (to == DType.F16) {
            for (int i = first; i < end; i++) {
                target.putShort(Float16.fromFloat(readFloat(source, from, i)));
            }
        } else {
            throw new IllegalArgumentException("cannot write elements as " + to);
        }
    }
}
