package dev.clipig.weights;

import dev.clipig.io.RunInputs;
import dev.clipig.weights.safetensors.SafetensorsWriter;
import java.nio.file.Path;

/** Converts a CLIP checkpoint into the one safetensors file the ND4J model loads. */
public final class WeightsConverter {
    /** What a conversion read and wrote. */
    public record Report(Path source, String format, ClipHyperParams hyperParams, int tensorCount,
                         long parameterCount, DType dtype, long bytesWritten) {
    }

    private WeightsConverter() {
    }

    /**
     * Reads {@code in}, checks it is a complete ViT CLIP and writes it to {@code out} under
     * OpenAI's names as {@code dtype} (F16 or F32), with the hyper-parameters as metadata. On
     * failure {@code out} is left as it was; {@code out} naming {@code in} is refused.
     *
     * @throws dev.clipig.ClipigException with a one-line message naming the file and the problem
     */
    public static Report convert(Path in, Path out, DType dtype) {
        RunInputs.none().with("checkpoint to convert", in).refuseAsOutput(out);
        Checkpoint checkpoint = CheckpointReader.read(in);
        ClipWeights clip = ClipWeights.of(checkpoint);
        long bytes = SafetensorsWriter.write(out, clip.tensors(), dtype, clip.hyperParams().toMetadata());
        return new Report(in, checkpoint.format(), clip.hyperParams(), clip.tensors().size(), clip.parameterCount(),
                dtype, bytes);
    }
}
