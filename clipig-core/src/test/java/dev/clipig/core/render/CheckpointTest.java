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

class CheckpointTest {
    @Test
    void aSafetensorsFileWithoutARunsMetadataIsNamedAsSuch(@TempDir Path dir) {
        Path path = dir.resolve("out.png.ckpt");
        ByteBuffer pixels = ByteBuffer.allocate(3 * 2 * 2 * 4).order(ByteOrder.LITTLE_ENDIAN);
        SafetensorsWriter.write(path, Map.of("pixels", Tensor.contiguous(DType.F32, new int[] {3, 2, 2}, pixels)),
                DType.F32, Map.of());

        RenderException e = assertThrows(RenderException.class, () -> new Checkpoint(path).read(3, 10));
        assertEquals(path + ": not a checkpoint of a clipig run (its metadata has no 'next_epoch');"
                + " delete it or write to another output", e.getMessage());
    }
}
