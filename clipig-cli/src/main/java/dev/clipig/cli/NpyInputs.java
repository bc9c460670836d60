package dev.clipig.cli;

import dev.clipig.weights.DType;
import dev.clipig.weights.Tensor;
import dev.clipig.weights.npy.Npy;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code .npy} arrays {@code embed} reads, checked against the model before any encoding, so
 * that a wrong file fails at once with the shape it should have had.
 */
final class NpyInputs {
    private static final Set<DType> PIXEL_TYPES = Set.of(DType.F32, DType.F64);

    private NpyInputs() {
    }

    /**
     * Already-normalized pixels {@code [N, 3, R, R]}, float32 or float64, left in the file's
     * element type until {@link #rows} converts one batch at a time.
     */
    static Tensor pixels(Path file, int resolution) {
        Tensor pixels = Npy.read(file);
        int[] shape = pixels.shape();
        boolean fits = PIXEL_TYPES.contains(pixels.dtype()) && shape.length == 4 && shape[1] == 3
                && shape[2] == resolution && shape[3] == resolution;
        if (!fits) {
            throw new BadInputException("--pixels-npy " + file + ": " + pixels + " is not the float32 or float64 [N, 3, "
                    + resolution + ", " + resolution + "] of normalized pixels the model takes");
        }
        return pixels;
    }

    /** Token ids {@code [N, context]}, int64, each inside the vocabulary. */
    static int[][] tokens(Path file, int context, int vocabulary) {
        Tensor tokens = Npy.read(file);
        int[] shape = tokens.shape();
        if (tokens.dtype() != DType.I64 || shape.length != 2 || shape[1] != context) {
            throw new BadInputException("--tokens-npy " + file + ": " + tokens + " is not the int64 [N, " + context
                    + "] of token ids the model takes");
        }
        ByteBuffer bytes = tokens.contiguousBytes();
        int[][] ids = new int[shape[0]][context];
        for (int row = 0; row < shape[0]; row++) {
            for (int column = 0; column < context; column++) {
                long id = bytes.getLong((row * context + column) * Long.BYTES);
                if (id < 0 || id >= vocabulary) {
                    throw new BadInputException("--tokens-npy " + file + ": token id " + id + " in row " + row
                            + " is outside the model's vocabulary of " + vocabulary);
                }
                ids[row][column] = (int) id;
            }
        }
        return ids;
    }

    /** Rows {@code [from, to)} of an array as a float32 {@code INDArray}. */
    static INDArray rows(Tensor array, int from, int to) {
        int[] shape = array.shape();
        int rowBytes = Math.toIntExact(array.numel() / shape[0] * array.dtype().byteSize());
        shape[0] = to - from;
        ByteBuffer slice = array.contiguousBytes().slice(from * rowBytes, (to - from) * rowBytes);
        float[] values = Tensor.contiguous(array.dtype(), shape, slice).toFloats();
        return Nd4j.create(values, Arrays.stream(shape).asLongStream().toArray(), 'c');
    }
}
