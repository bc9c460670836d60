package dev.clipig.core.render;

import dev.clipig.core.config.OptimizerKind;
import dev.clipig.core.optim.Optimizer;
import dev.clipig.core.parameterization.Parameterization;
import dev.clipig.core.transforms.Size;
import dev.clipig.weights.DType;
import dev.clipig.weights.Tensor;
import dev.clipig.weights.WeightsException;
import dev.clipig.weights.safetensors.SafetensorsFile;
import dev.clipig.weights.safetensors.SafetensorsWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A run's resumable state beside its PNG ({@code name.png.ckpt}): the pixels, the parameters when
 * they are not the pixels, and the optimizer state as a safetensors file, with the next epoch, seed,
 * epoch count and (unless pixels) the parameterization as metadata. Written
 * atomically with every snapshot, so a killed run loses at most one snapshot interval.
 */
record Checkpoint(Path path) {
    private static final String PIXELS = "pixels", PARAMETERS = "parameters", STATE = "optimizer.";
    private static final String PARAMETERIZATION = "parameterization";
    private static final List<String> METADATA = List.of("next_epoch", "seed", "epochs", "optimizer_steps");

    static Checkpoint beside(Path png) {
        return new Checkpoint(png.resolveSibling(png.getFileName() + ".ckpt"));
    }

    /** What a checkpoint holds. */
    record State(INDArray pixels, INDArray parameters, Map<String, INDArray> optimizerState, long optimizerSteps,
                 int nextEpoch) {
    }

    /** @param parameterization the config's, named in the metadata unless pixels, so that a resume cannot mix them up */
    void write(ImageState image, int nextEpoch, long seed, int epochs, String parameterization) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put(PIXELS, tensor(image.pixels()));
        boolean pixels = image.parameterization().isPixels();
        if (!pixels) tensors.put(PARAMETERS, tensor(image.parameters()));
        // Sorted, so that the same run writes the same bytes (Map.of iterates in a per-JVM order).
        new TreeMap<>(image.optimizer().stateArrays()).forEach((name, array) -> tensors.put(STATE + name, tensor(array)));
        Map<String, String> metadata = new TreeMap<>(Map.of("next_epoch", Integer.toString(nextEpoch),
                "seed", Long.toString(seed), "epochs", Integer.toString(epochs),
                "optimizer_steps", Long.toString(image.optimizer().steps())));
        if (!pixels) metadata.put(PARAMETERIZATION, parameterization);
        SafetensorsWriter.write(path, tensors, DType.F32, metadata);
    }

    /** Reads the checkpoint of a run with this seed and epoch count; anything else is a one-line error. */
    State read(long seed, int epochs, String parameterization) {
        try {
            SafetensorsFile file = SafetensorsFile.open(path);
            Map<String, String> meta = file.metadata();
            for (String key : METADATA) {
                if (!meta.containsKey(key)) {
                    throw new RenderException(path + ": not a checkpoint of a clipig run (its metadata has no '"
                            + key + "'); delete it or write to another output");
                }
            }
            if (!Long.toString(seed).equals(meta.get("seed")) || !Integer.toString(epochs).equals(meta.get("epochs"))) {
                throw new RenderException(path + ": made by a run with seed " + meta.get("seed") + " and "
                        + meta.get("epochs") + " epochs, not seed " + seed + " and " + epochs + " epochs;"
                        + " resume with those or delete the checkpoint");
            }
            String made = meta.getOrDefault(PARAMETERIZATION, PIXELS);
            if (!made.equals(parameterization)) {
                throw new RenderException(path + ": made with the " + made + " parameterization, not " + parameterization
                        + "; resume with that or delete the checkpoint");
            }
            int nextEpoch = Integer.parseInt(meta.get("next_epoch"));
            long steps = Long.parseLong(meta.get("optimizer_steps"));
            if (nextEpoch < 0 || nextEpoch > epochs || steps < 0) {
                throw new RenderException(path + ": a damaged checkpoint: next_epoch " + nextEpoch
                        + " and optimizer_steps " + steps + " do not fit a run of " + epochs + " epochs");
            }
            if (!file.names().contains(PIXELS)) throw new RenderException(path + ": a damaged checkpoint: no pixels");
            Tensor pixels = checked(file.tensor(PIXELS), PIXELS, null);
            Tensor parameters = pixels;
            if (file.names().contains(PARAMETERS)) {
                Tensor stored = file.tensor(PARAMETERS);
                parameters = checked(stored, PARAMETERS, stored.shape());
            }
            Map<String, INDArray> state = new HashMap<>();
            for (String name : file.names()) {
                if (name.startsWith(STATE)) {
                    state.put(name.substring(STATE.length()), array(checked(file.tensor(name), name, parameters.shape())));
                }
            }
            INDArray pixelArray = array(pixels);
            return new State(pixelArray, parameters == pixels ? pixelArray : array(parameters), state, steps, nextEpoch);
        } catch (WeightsException e) {
            throw new RenderException(path + ": not a readable checkpoint (" + e.getMessage() + ")", e);
        } catch (NumberFormatException e) {
            throw new RenderException(path + ": a damaged checkpoint: its next_epoch or optimizer_steps is not a"
                    + " whole number", e);
        }
    }

    /**
     * {@code tensor} if it holds finite pixels {@code [3, H, W]} of a size a run may have (or, for
     * optimizer state, the pixels' shape); a damaged or foreign checkpoint is refused here rather
     * than at the first step, as a NaN that spreads or an array no step can use.
     */
    private Tensor checked(Tensor tensor, String name, int[] pixelShape) {
        int[] shape = tensor.shape();
        boolean fits = pixelShape != null ? Arrays.equals(shape, pixelShape)
                : shape.length == 3 && shape[0] == 3 && sideFits(shape[1]) && sideFits(shape[2]);
        if (!fits) {
            throw new RenderException(path + ": a damaged checkpoint: " + name + " has shape " + Arrays.toString(shape)
                    + ", not " + (pixelShape != null ? Arrays.toString(pixelShape)
                    : "[3, H, W] with sides from 1 to " + Size.MAX_SIDE));
        }
        for (float value : tensor.toFloats()) {
            if (!Float.isFinite(value)) {
                throw new RenderException(path + ": a damaged checkpoint: " + name + " holds " + value + " values");
            }
        }
        return tensor;
    }

    private static boolean sideFits(int side) {
        return side >= 1 && side <= Size.MAX_SIDE;
    }

    ImageState restore(State state, OptimizerKind kind, Parameterization parameterization) {
        Optimizer optimizer = Optimizer.of(kind);
        optimizer.restore(state.optimizerState(), state.optimizerSteps());
        Size size = new Size((int) state.pixels().size(2), (int) state.pixels().size(1));
        if (!Arrays.equals(state.parameters().shape(), parameterization.shape(size))) {
            throw new RenderException(path + ": its parameters " + Arrays.toString(state.parameters().shape())
                    + " do not fit a " + size + " image of this parameterization; delete the checkpoint");
        }
        return new ImageState(parameterization, state.parameters(), size, kind, optimizer);
    }

    private static Tensor tensor(INDArray array) {
        float[] values = array.dup('c').data().asFloat();
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return Tensor.contiguous(DType.F32, Arrays.stream(array.shape()).mapToInt(Math::toIntExact).toArray(), bytes);
    }

    private static INDArray array(Tensor tensor) {
        return Nd4j.create(tensor.toFloats(), Arrays.stream(tensor.shape()).asLongStream().toArray(), 'c');
    }
}
