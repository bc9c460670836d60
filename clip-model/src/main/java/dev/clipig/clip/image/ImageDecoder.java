package dev.clipig.clip.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.nio.file.Path;
import javax.imageio.metadata.IIOMetadata;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Reads an image with javax.imageio into the {@link PilMode} PIL would open it in, since that
 * decides how PIL resizes it. PNG's own header tells what Java's decoded form hides: 1-bit gray
 * is PIL's "1" (nearest neighbour), 2- and 4-bit gray its "L", 16-bit gray its 32-bit "I", and
 * a transparency chunk on gray or RGB adds no alpha channel. Other 16-bit samples keep their high
 * byte, as PIL's decoder does; other depths are scaled to 0–255.
 */
final class ImageDecoder {
    private static final String PNG_METADATA = "javax_imageio_png_1.0";

    private ImageDecoder() {
    }

    static PilImage read(Path file) {
        return ImageFiles.read(file, (image, metadata) -> decode(image, PngHeader.of(metadata)));
    }

    /** {@code png} is null for images that were not PNG files. */
    static PilImage decode(BufferedImage image, PngHeader png) {
        ColorModel colors = image.getColorModel();
        Raster raster = image.getRaster();
        int width = image.getWidth();
        int height = image.getHeight();
        if (png != null && png.gray() && !png.alpha()) {
            if (png.bitDepth() == 16) {
                return new PilImage(width, height, PilMode.WIDE_GRAY, new int[][] {samples(raster, 0)});
            }
            // Below 8 bits Java decodes gray to an index into a gray ramp.
            int[] gray = colors instanceof IndexColorModel ? colorComponent(raster, colors, 0) : eightBit(raster, 0);
            PilMode mode = png.bitDepth() == 1 ? PilMode.INDEXED : PilMode.GRAY;
            return mode == PilMode.GRAY
                    ? new PilImage(width, height, mode, new int[][] {gray})
                    : new PilImage(width, height, mode, new int[][] {gray, gray, gray});
        }
        if (colors instanceof IndexColorModel) {
            int[][] rgb = {colorComponent(raster, colors, 0), colorComponent(raster, colors, 1),
                    colorComponent(raster, colors, 2)};
            return new PilImage(width, height, PilMode.INDEXED, rgb);
        }
        int colorType = colors.getColorSpace().getType();
        if (colorType != ColorSpace.TYPE_RGB && colorType != ColorSpace.TYPE_GRAY) {
            throw new IllegalArgumentException("unsupported colour space (only RGB and gray images)");
        }
        boolean alpha = colors.hasAlpha() && (png == null || png.alpha());
        int[][] color = new int[colors.getNumColorComponents()][];
        for (int c = 0; c < color.length; c++) {
            color[c] = eightBit(raster, c);
        }
        if (!alpha) {
            return new PilImage(width, height, color.length == 1 ? PilMode.GRAY : PilMode.RGB, color);
        }
        int[] opacity = eightBit(raster, color.length);
        return color.length == 1
                ? new PilImage(width, height, PilMode.RGBA, new int[][] {color[0], color[0], color[0], opacity})
                : new PilImage(width, height, PilMode.RGBA, new int[][] {color[0], color[1], color[2], opacity});
    }

    private static int[] samples(Raster raster, int band) {
        return raster.getSamples(0, 0, raster.getWidth(), raster.getHeight(), band, (int[]) null);
    }

    private static int[] eightBit(Raster raster, int band) {
        int[] values = samples(raster, band);
        int bits = raster.getSampleModel().getSampleSize(band);
        if (bits == 8) {
            return values;
        }
        int max = (1 << bits) - 1;
        for (int i = 0; i < values.length; i++) {
            values[i] = bits == 16 ? values[i] >> 8 : Math.round(values[i] * 255f / max);
        }
        return values;
    }

    /** Red (0), green (1) or blue (2) of each pixel of an indexed image, by its palette. */
    private static int[] colorComponent(Raster raster, ColorModel colors, int component) {
        int[] values = samples(raster, 0);
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (component) {
                case 0 -> colors.getRed(values[i]);
                case 1 -> colors.getGreen(values[i]);
                default -> colors.getBlue(values[i]);
            };
        }
        return values;
    }

    /** What a PNG's IHDR chunk says of its pixels. */
    record PngHeader(boolean gray, boolean alpha, int bitDepth) {
        static PngHeader of(IIOMetadata metadata) {
            if (metadata == null || !PNG_METADATA.equals(metadata.getNativeMetadataFormatName())) {
                return null;
            }
            for (Node node = metadata.getAsTree(PNG_METADATA).getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node.getNodeName().equals("IHDR")) {
                    NamedNodeMap attributes = node.getAttributes();
                    String colorType = attributes.getNamedItem("colorType").getNodeValue();
                    int bitDepth = Integer.parseInt(attributes.getNamedItem("bitDepth").getNodeValue());
                    return new PngHeader(colorType.startsWith("Gray"), colorType.endsWith("Alpha"), bitDepth);
                }
            }
            return null;
        }
    }
}
