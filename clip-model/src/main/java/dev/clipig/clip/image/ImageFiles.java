package dev.clipig.clip.image;

import dev.clipig.io.InputFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads image files with javax.imageio within a bound: the pixel count the file declares is checked
 * before anything is decoded, so that a tiny file claiming 100000 × 100000 pixels is refused instead
 * of allocating tens of gigabytes. Every failure is an {@link ImageReadException} naming the file
 * with the decoder's reason, including the cause that ImageIO's "Caught exception during read:"
 * leaves out.
 */
public final class ImageFiles {
    /**
     * Pixels an image file may have: 2^24, a 4096-pixel square (docs/limits.md); a 12-megapixel phone
     * photo (4032 × 3024) fits. Within it, decoding and scaling a damaged file's garbage stays well
     * under the 10 s a case of the fuzz suite may take.
     */
    public static final long MAX_PIXELS = 1L << 24;

    /** What a decoded file gives: its first image and that image's metadata. */
    @FunctionalInterface
    public interface Use<T> {
        T apply(BufferedImage image, IIOMetadata metadata);
    }

    private ImageFiles() {
    }

    /** The first image of {@code file}, decoded. */
    public static BufferedImage read(Path file) {
        return read(file, (image, metadata) -> image);
    }

    /**
     * Decodes the first image of {@code file} and hands it to {@code use}.
     *
     * @throws ImageReadException when the file is missing, not an image, larger than
     *                            {@link #MAX_PIXELS} or damaged
     */
    public static <T> T read(Path file, Use<T> use) {
        InputFile.fault(file).ifPresent(fault -> {
            throw new ImageReadException(file, fault);
        });
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ImageReadException(file, "not in an image format Java can read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                long width = reader.getWidth(0), height = reader.getHeight(0);
                if (width < 1 || height < 1 || width * height > MAX_PIXELS) {
                    throw new ImageReadException(file, "declares " + width + "x" + height + " pixels; at most "
                            + MAX_PIXELS + " are read");
                }
                return use.apply(reader.read(0), reader.getImageMetadata(0));
            } finally {
                reader.dispose();
            }
        } catch (ImageReadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(file, reason(e), e);
        }
    }

    /**
     * The decoder's reason in one line: its message and those of its causes, as ImageIO often wraps
     * the real failure in "Caught exception during read: " with nothing after it.
     */
    static String reason(Throwable e) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = e; t != null && reason.length() < 200; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("").strip();
            if (message.isEmpty() && t == e) message = t.getClass().getSimpleName();
            if (message.isEmpty() || reason.indexOf(message) >= 0) continue;
            if (reason.length() > 0) reason.append(reason.toString().endsWith(":") ? " " : ": ");
            reason.append(message);
        }
        return reason.toString();
    }
}
