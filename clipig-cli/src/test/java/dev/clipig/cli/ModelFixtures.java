package dev.clipig.cli;

import dev.clipig.weights.Tensor;
import dev.clipig.weights.npy.Npy;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The committed fixture models, images and PyTorch references (fixtures/README.md). */
public final class ModelFixtures {
    private ModelFixtures() {
    }

    public static Path root() {
        return Path.of(System.getProperty("clipig.fixtures", "../fixtures"));
    }

    /** A file of {@code fixtures/models}, e.g. {@code a.pt}. */
    public static Path model(String file) {
        return root().resolve("models").resolve(file);
    }

    /** An image of {@code fixtures/preprocess}. */
    public static Path image(String file) {
        return root().resolve("preprocess").resolve(file);
    }

    /** The arrays of {@code <model>-reference.npz}. */
    public static Map<String, Tensor> reference(String model) {
        return Npy.readArchive(model(model + "-reference.npz"));
    }

    /** A tensor of any element type as a float32 array of its shape. */
    public static INDArray array(Tensor tensor) {
        return Nd4j.create(tensor.toFloats(), Arrays.stream(tensor.shape()).asLongStream().toArray(), 'c');
    }

    /** The largest absolute difference, relative to the largest absolute expected value. */
    public static double relativeError(INDArray actual, INDArray expected) {
        return Transforms.abs(actual.sub(expected)).maxNumber().doubleValue() / Transforms.abs(expected).maxNumber()
                .doubleValue();
    }
}
