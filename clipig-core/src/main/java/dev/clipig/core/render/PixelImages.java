package dev.clipig.core.render;

import dev.clipig.ClipigException;
import dev.clipig.io.OutputFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The trained pixels, [3, H, W] RGB in [0, 1], as an image file. */
public final class PixelImages {
    private PixelImages() {
    }

    /** An 8-bit RGB image, values clamped to [0, 1] and rounded. */
    public static BufferedImage toImage(INDArray chw) {
        int height = (int) chw.size(1), width = (int) chw.size(2);
        float[] v = chw.dup('c').data().asFloat();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                image.setRGB(x, y, byte8(v[i]) << 16 | byte8(v[plane + i]) << 8 | byte8(v[2 * plane + i]));
            }
        }
        return image;
    }

    /** Writes a PNG through {@link OutputFile}, so a reader never sees half a file. */
    public static void writePng(INDArray chw, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new ClipigException(file + ": cannot make its folder: " + e.getMessage(), e);
        }
        BufferedImage image = toImage(chw);
        OutputFile.write(file, temporary -> {
            // Through a stream of our own: ImageIO's file output prints a stack trace when it cannot open the file.
            try (OutputStream out = Files.newOutputStream(temporary);
                 ImageOutputStream png = new MemoryCacheImageOutputStream(out)) {
                return ImageIO.write(image, "png", png);
            }
        });
    }

    private static int byte8(float value) {
        return Math.round(Math.max(0f, Math.min(1f, value)) * 255f);
    }
}
