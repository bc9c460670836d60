package dev.clipig.weights.npy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.weights.WeightsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** An .npy header's shape is checked before any size is computed from it. */
class NpyBadInputTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(-1,)              | holds '-1', not a size",
        "(abc, 3)           | holds 'abc', not a size",
        "(99999999999,)     | holds '99999999999', not a size",
        "(2147483647, 2147483647) | needs more than 2 GiB",
        "(4,)               | truncated .npy data"})
    void aBadShapeIsOneLine(String shape, String expected) throws IOException {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }\n";
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        file.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        Path npy = Files.write(dir.resolve("bad.npy"), file.toByteArray());
        WeightsException e = assertThrows(WeightsException.class, () -> Npy.read(npy));
        assertTrue(e.getMessage().startsWith(npy + ": ") && e.getMessage().contains(expected), e.getMessage());
    }
}
