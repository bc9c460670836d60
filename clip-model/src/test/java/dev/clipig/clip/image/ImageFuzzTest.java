package dev.clipig.clip.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.ClipigException;
import dev.clipig.fuzz.Mutations;
import dev.clipig.fuzz.OneLineContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of the committed PNG and JPEG fixtures, weighted to their headers (PNG's IHDR,
 * JPEG's markers), go through the preprocessor as an image feature does; each is read or refused in
 * one line ({@link OneLineContract}). Plus the hostile headers the issue names, made exactly.
 */
class ImageFuzzTest {
    private static final Path IMAGES = Path.of(System.getProperty("clipig.fixtures", "../fixtures"), "preprocess");

    @TempDir
    Path dir;

    @Test
    void damagedPngAndJpegFilesAreReadOrRefusedInOneLine() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (var files = Files.list(IMAGES)) {
            files.filter(f -> f.toString().endsWith(".png") || f.toString().endsWith(".jpg")).sorted().forEach(sources::add);
        }
        Mutations mutations = new Mutations(16_201);
        // A header may declare up to MAX_PIXELS of garbage, which is decoded and scaled for real: the 10 s.
        OneLineContract contract = new OneLineContract("images (PNG, JPEG)", ClipigException.class, 10);
        ClipPreprocessor preprocessor = new ClipPreprocessor(32);
        for (int i = 0; i < 1500; i++) {
            byte[] original = Files.readAllBytes(sources.get(i % sources.size()));
            Path file = Files.write(dir.resolve("case" + i % 4 + (original[0] == (byte) 0x89 ? ".png" : ".jpg")),
                    mutations.bytes(original, headers(original)));
            contract.check("image case " + i, () -> preprocessor.preprocess(file));
        }
        contract.assertHeld();
    }

    @Test
    void aTinyFileDeclaringHugeOrElongatedImagesIsRefusedBeforeDecoding() throws IOException {
        ClipPreprocessor preprocessor = new ClipPreprocessor(32);
        Path huge = Files.write(dir.resolve("huge.png"), png(100_000, 100_000, 1));
        ImageReadException e = assertThrows(ImageReadException.class, () -> preprocessor.preprocess(huge));
        assertEquals("cannot read image " + huge + ": declares 100000x100000 pixels; at most 16777216 are read",
                e.getMessage());
        Path thin = Files.write(dir.resolve("thin.png"), png(1, 200_000, 200_000));
        e = assertThrows(ImageReadException.class, () -> preprocessor.preprocess(thin));
        assertEquals("cannot read image " + thin + ": 1x200000 pixels is too elongated: 32 pixels across it would"
                + " make it 204800000 pixels, over 16777216", e.getMessage());
    }

    @Test
    void aDecoderFailureSaysWhatFailedRatherThanCaughtExceptionDuringRead() throws IOException {
        byte[] png = Files.readAllBytes(IMAGES.resolve("CLIP.png"));
        Path cut = Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(png, png.length / 2));
        ClipigException e = assertThrows(ClipigException.class, () -> new ClipPreprocessor(32).preprocess(cut));
        String reason = e.getMessage().substring(("cannot read image " + cut + ": ").length());
        assertTrue(!reason.isBlank() && !reason.endsWith(":") && !reason.endsWith(": "), e.getMessage());
        assertTrue(!reason.startsWith("Caught exception during read") || reason.length() > 40, e.getMessage());
    }

    /** Where a PNG's header chunk and a JPEG's markers are: the mutations go there three times in four. */
    private static int[] headers(byte[] file) {
        List<Integer> spots = new ArrayList<>(List.of(0, 8, 16));
        for (int i = 0; i + 1 < file.length && spots.size() < 12; i++) {
            if (file[i] == (byte) 0xff && (file[i + 1] & 0xf0) == 0xc0) spots.add(i);
        }
        return spots.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A PNG header declaring {@code width × height} 8-bit gray pixels, followed by {@code rows} black rows
     * (all of them for a file that decodes; one suffices for a file refused by its header).
     */
    private static byte[] png(int width, int height, int rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflated = new DeflaterOutputStream(data)) {
            byte[] row = new byte[1 + width];
            for (int y = 0; y < rows; y++) deflated.write(row);
        }
        chunk(out, "IDAT", data.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
