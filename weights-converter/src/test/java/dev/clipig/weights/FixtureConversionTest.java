package dev.clipig.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.weights.npy.Npy;
import dev.clipig.weights.safetensors.SafetensorsFile;
import dev.clipig.weights.torch.TorchArchive;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Converts the committed fixtures and compares every tensor, bit for bit, with NumPy's dump of
 * what PyTorch stored, widened or narrowed the way the requested dtype demands.
 */
class FixtureConversionTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "b.pt, F32, TorchScript archive",
        "b.pt, F16, TorchScript archive",
        "b-state.pt, F32, torch.save state dict",
        "b-state.pt, F16, torch.save state dict",
        "b-hf.safetensors, F32, safetensors",
        "b-hf.safetensors, F16, safetensors",
    })
    void everyTensorOfModelBMatchesTheDump(String source, DType dtype, String format) {
        Path out = dir.resolve("b.safetensors");
        WeightsConverter.Report report = WeightsConverter.convert(Fixtures.model(source), out, dtype);

        assertEquals(format, report.format());
        assertEquals(Fixtures.B, report.hyperParams());
        Map<String, Tensor> dump = Npy.readArchive(Fixtures.model("b-tensors.npz"));
        SafetensorsFile file = SafetensorsFile.open(out);
        Set<String> expected = new HashSet<>(dump.keySet());
        expected.removeAll(ClipLayout.SCALAR_EXTRAS);
        assertEquals(expected, file.names());
        assertEquals(expected.size(), report.tensorCount());
        for (String name : expected) {
            assertTensorEquals(name, dump.get(name), file.tensor(name), dtype);
        }
        assertEquals(549_825, report.parameterCount());
        assertEquals(Fixtures.B, ClipHyperParams.fromMetadata(file));
    }

    @Test
    void modelAMatchesTheDumpIncludingTheTokenRowsItKept() {
        Path out = dir.resolve("a.safetensors");
        WeightsConverter.Report report = WeightsConverter.convert(Fixtures.model("a.pt"), out, DType.F32);

        assertEquals(Fixtures.A, report.hyperParams());
        Map<String, Tensor> dump = Npy.readArchive(Fixtures.model("a-tensors.npz"));
        SafetensorsFile file = SafetensorsFile.open(out);
        int compared = 0;
        for (Map.Entry<String, Tensor> entry : dump.entrySet()) {
            if (file.contains(entry.getKey())) {
                assertTensorEquals(entry.getKey(), entry.getValue(), file.tensor(entry.getKey()), DType.F32);
                compared++;
            }
        }
        assertEquals(file.names().size() - 1, compared, "all but the token embedding");

        ByteBuffer ids = dump.get("token_embedding.weight@ids").contiguousBytes();
        ByteBuffer rows = dump.get("token_embedding.weight@rows").contiguousBytes();
        ByteBuffer table = file.tensor("token_embedding.weight").contiguousBytes();
        int width = Fixtures.A.textWidth();
        for (int r = 0; r < ids.remaining() / Long.BYTES; r++) {
            int id = (int) ids.getLong(r * Long.BYTES);
            for (int c = 0; c < width; c++) {
                float expected = Float16.toFloat(rows.getShort((r * width + c) * 2));
                assertEquals(Float.floatToRawIntBits(expected), table.getInt((id * width + c) * 4), "row " + id);
            }
        }
    }

    @Test
    void readsTheStateDictsViewsWithTheirOffsetsAndStrides() {
        Checkpoint checkpoint = TorchArchive.read(Fixtures.model("b-state.pt"));
        Tensor proj = checkpoint.tensors().get("visual.proj");
        Tensor positional = checkpoint.tensors().get("visual.positional_embedding");
        assertTrue(!proj.isContiguous(), "visual.proj is stored transposed");
        assertEquals(DType.F32, checkpoint.tensors().get("logit_scale").dtype());
        assertEquals(DType.F16, positional.dtype());
        assertArrayEquals(new int[] {17, 128}, positional.shape());
    }

    @Test
    void refusesHyperParametersFromAFileItDidNotWrite() {
        WeightsException e = assertThrows(WeightsException.class,
                () -> ClipHyperParams.fromMetadata(SafetensorsFile.open(Fixtures.model("b-hf.safetensors"))));
        assertTrue(e.getMessage().contains("not a converted CLIP file"), e.getMessage());
    }

    @Test
    void hyperParametersSurviveTheMetadataRoundTrip() {
        Map<String, String> metadata = Fixtures.A.toMetadata();
        assertEquals("clipig-1", metadata.get("format"));
        assertEquals("64", metadata.get("vision_width"));
        assertEquals("49408", metadata.get("vocab_size"));
    }

    /** Compares a converted tensor with a dumped one, rounded or widened to {@code dtype} by the reference. */
    private static void assertTensorEquals(String name, Tensor dumped, Tensor converted, DType dtype) {
        assertArrayEquals(dumped.shape(), converted.shape(), name);
        assertEquals(dtype, converted.dtype(), name);
        int count = (int) dumped.numel();
        ByteBuffer expected = ByteBuffer.allocate(count * dtype.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer data = dumped.contiguousBytes();
        for (int i = 0; i < count; i++) {
            double value = switch (dumped.dtype()) {
                case F16 -> ReferenceFloats.widen(data.getShort(i * 2));
                case F32 -> data.getFloat(i * 4);
                default -> throw new IllegalArgumentException(name + ": dump dtype " + dumped.dtype());
            };
            if (dtype == DType.F32) {
                expected.putFloat((float) value);
            } else {
                expected.putShort(ReferenceFloats.narrow(value));
            }
        }
        assertEquals(expected.flip(), converted.contiguousBytes(), name);
    }
}
