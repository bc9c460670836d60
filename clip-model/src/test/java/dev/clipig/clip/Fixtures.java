package dev.clipig.clip;

import dev.clipig.weights.Tensor;
import dev.clipig.weights.npy.Npy;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The committed fixture files (see fixtures/README.md). */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path root() {
        return Path.of(System.getProperty("clipig.fixtures", "../fixtures"));
    }

    public static Path model(String name) {
        return root().resolve("models").resolve(name);
    }

    public static Map<String, Tensor> reference(String model) {
        return Npy.readArchive(model(model + "-reference.npz"));
    }

    /** A float64 reference tensor as a float32 array of its shape. */
    public static INDArray array(Tensor t) {
        long[] shape = Arrays.stream(t.shape()).asLongStream().toArray();
        return Nd4j.create(t.toFloats(), shape, 'c').castTo(DataType.FLOAT);
    }

    /** An int64 reference tensor [rows, cols] as token ids. */
    public static int[][] ints(Tensor t) {
        int rows = t.shape()[0], cols = t.shape()[1];
        float[] values = t.toFloats();
        int[][] ids = new int[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) ids[r][c] = (int) values[r * cols + c];
        }
        return ids;
    }
}
