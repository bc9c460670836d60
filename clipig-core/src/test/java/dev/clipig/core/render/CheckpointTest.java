package dev.clipig.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.clipig.weights.DType;
import dev.clipig.weights.Tensor;
import dev.clipig.weights.safetensors.SafetensorsWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckpointTest {
    @Test
    void aSafetensorsFileWithoutARunsMetadataIsNamedAsSuch(@TempDir Path dir) {
        Path path = dir.resolve("out.png.ckpt");
        ByteBuffer pixels = ByteBuffer.allocate(3 * 2 * 2 * 4).order(ByteOrder.LITTLE_ENDIAN);
        SafetensorsWriter.write(path, Map.of("pixels", Tensor.contiguous(DType.F32, new int[] {3, 2, 2}, pixels)),
                DType.F32, Map.of());

        RenderException e = assertThrows(RenderException.class, () -> new Checkpoint(path).read(3, 10, "pixels"));
        assertEquals(path + ": not a checkpoint of a clipig run (its metadata has no 'next_epoch');"
                + " delete it or write to another output", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-1 | 5  | 3,2,2 | 0   | a damaged checkpoint: next_epoch -1 and optimizer_steps 5 do not fit a run of 10 epochs",
        "11 | 5  | 3,2,2 | 0   | a damaged checkpoint: next_epoch 11 and optimizer_steps 5 do not fit a run of 10 epochs",
        "4  | -5 | 3,2,2 | 0   | a damaged checkpoint: next_epoch 4 and optimizer_steps -5 do not fit a run of 10 epochs",
        "x4 | 5  | 3,2,2 | 0   | a damaged checkpoint: its next_epoch or optimizer_steps is not a whole number",
        "4  | 5  | 2,2   | 0   | a damaged checkpoint: pixels has shape [2, 2], not [3, H, W] with sides from 1 to 4096",
        "4  | 5  | 3,1,5000 | 0 | a damaged checkpoint: pixels has shape [3, 1, 5000], not [3, H, W] with sides from 1 to 4096",
        "4  | 5  | 3,2,2 | NaN | a damaged checkpoint: pixels holds NaN values",
    })
    void aDamagedCheckpointIsRefusedBeforeTheRunResumes(String nextEpoch, String steps, String shape, float fill,
                                                         String problem, @TempDir Path dir) {
        Path path = dir.resolve("out.png.ckpt");
        int[] dims = java.util.Arrays.stream(shape.split(",")).mapToInt(Integer::parseInt).toArray();
        SafetensorsWriter.write(path, Map.of("pixels", filled(dims, fill)), DType.F32,
                Map.of("next_epoch", nextEpoch, "seed", "3", "epochs", "10", "optimizer_steps", steps));

        RenderException e = assertThrows(RenderException.class, () -> new Checkpoint(path).read(3, 10, "pixels"));
        assertEquals(path + ": " + problem, e.getMessage());
    }

    @Test
    void optimizerStateOfAnotherShapeThanThePixelsIsRefused(@TempDir Path dir) {
        Path path = dir.resolve("out.png.ckpt");
        SafetensorsWriter.write(path, Map.of("pixels", filled(new int[] {3, 2, 2}, 0),
                        "optimizer.square_avg", filled(new int[] {3, 4, 4}, 0)), DType.F32,
                Map.of("next_epoch", "4", "seed", "3", "epochs", "10", "optimizer_steps", "4"));

        RenderException e = assertThrows(RenderException.class, () -> new Checkpoint(path).read(3, 10, "pixels"));
        assertEquals(path + ": a damaged checkpoint: optimizer.square_avg has shape [3, 4, 4], not [3, 2, 2]",
                e.getMessage());
    }

    private static Tensor filled(int[] shape, float value) {
        int count = java.util.Arrays.stream(shape).reduce(1, Math::multiplyExact);
        ByteBuffer bytes = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) bytes.putFloat(value);
        return Tensor.contiguous(DType.F32, shape, bytes.flip());
    }
}
