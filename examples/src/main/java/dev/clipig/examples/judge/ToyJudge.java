package dev.clipig.examples.judge;

import dev.clipig.weights.Tensor;
import dev.clipig.weights.WeightsException;
import dev.clipig.weights.npy.Npy;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * An independent judge of toy-world pictures: a small CNN (trained by {@code fixtures/make_judge.py} on
 * its own drawings) that names a 64x64 picture's colour, shape and background. It shares no
 * architecture or training data with the toy CLIP, so a render that fools the CLIP need not fool it.
 */
public final class ToyJudge {
    public static final int RESOLUTION = 64;
    private static final int HEAD_INPUTS = 64;

    private final Conv3x3[] convolutions;
    private final float[] headWeight;
    private final float[] headBias;

    private ToyJudge(Conv3x3[] convolutions, float[] headWeight, float[] headBias) {
        this.convolutions = convolutions;
        this.headWeight = headWeight;
        this.headBias = headBias;
    }

    /** Reads the weights {@code make_judge.py} wrote (an {@code .npz} of float32 arrays). */
    public static ToyJudge load(Path npz) {
        Map<String, Tensor> arrays;
        try {
            arrays = Npy.readArchive(npz);
        } catch (WeightsException e) {
            throw new JudgeException(e.getMessage());
        }
        int[][] widths = {{3, 16}, {16, 32}, {32, 32}, {32, HEAD_INPUTS}};
        Conv3x3[] convolutions = new Conv3x3[widths.length];
        for (int i = 0; i < widths.length; i++) {
            String name = "conv" + (i + 1);
            convolutions[i] = new Conv3x3(widths[i][0], widths[i][1], floats(arrays, npz, name + ".weight"),
                    floats(arrays, npz, name + ".bias"));
        }
        // The three heads stacked into one linear layer whose outputs are colour | shape | background.
        float[] weight = new float[Naming.COLOURS.size() * HEAD_INPUTS + 6 * HEAD_INPUTS];
        float[] bias = new float[Naming.COLOURS.size() + 6];
        int row = 0;
        for (String head : new String[] {"colour", "shape", "background"}) {
            float[] w = floats(arrays, npz, head + ".weight");
            float[] b = floats(arrays, npz, head + ".bias");
            if (w.length != b.length * HEAD_INPUTS) {
                throw new JudgeException(npz + ": " + head + ".weight has " + w.length + " values, not "
                        + b.length * HEAD_INPUTS);
            }
            System.arraycopy(w, 0, weight, row * HEAD_INPUTS, w.length);
            System.arraycopy(b, 0, bias, row, b.length);
            row += b.length;
        }
        if (row != bias.length) throw new JudgeException(npz + ": the heads have " + row + " outputs, not " + bias.length);
        return new ToyJudge(convolutions, weight, bias);
    }

    /** The heads' logits, colour (4) | shape (3) | background (3), of a picture [3, 64, 64] in [0, 1]. */
    public float[] logits(float[] rgb) {
        if (rgb.length != 3 * RESOLUTION * RESOLUTION) {
            throw new JudgeException("the judge takes 3x64x64 values, got " + rgb.length);
        }
        int size = RESOLUTION / 2;
        float[] maps = FeatureMaps.averagePool(rgb, 3, RESOLUTION);
        for (int i = 0; i < convolutions.length; i++) {
            maps = FeatureMaps.relu(convolutions[i].apply(maps, size));
            if (i < convolutions.length - 1) {
                maps = FeatureMaps.maxPool(maps, convolutions[i].out(), size);
                size /= 2;
            }
        }
        float[] features = FeatureMaps.channelMeans(maps, HEAD_INPUTS, size);
        float[] logits = headBias.clone();
        for (int o = 0; o < logits.length; o++) {
            for (int i = 0; i < HEAD_INPUTS; i++) logits[o] += headWeight[o * HEAD_INPUTS + i] * features[i];
        }
        return logits;
    }

    /** What the picture shows, by each head's largest logit. */
    public Naming name(float[] rgb) {
        float[] logits = logits(rgb);
        int colours = Naming.COLOURS.size();
        int shapes = Naming.SHAPES.size();
        return new Naming(Naming.COLOURS.get(argmax(logits, 0, colours)),
                Naming.SHAPES.get(argmax(logits, colours, shapes) - colours),
                Naming.BACKGROUNDS.get(argmax(logits, colours + shapes, logits.length - colours - shapes)
                        - colours - shapes));
    }

    /** A 64x64 picture file as [3, 64, 64] values in [0, 1]. */
    public static float[] read(Path picture) {
        BufferedImage image;
        try {
            image = Files.isRegularFile(picture) ? ImageIO.read(picture.toFile()) : null;
        } catch (IOException e) {
            throw new JudgeException(picture + ": cannot read: " + e.getMessage());
        }
        if (image == null) throw new JudgeException(picture + ": not an image file Java can read");
        if (image.getWidth() != RESOLUTION || image.getHeight() != RESOLUTION) {
            throw new JudgeException(picture + ": the judge takes 64x64 pictures, this one is "
                    + image.getWidth() + "x" + image.getHeight());
        }
        int area = RESOLUTION * RESOLUTION;
        float[] rgb = new float[3 * area];
        for (int y = 0; y < RESOLUTION; y++) {
            for (int x = 0; x < RESOLUTION; x++) {
                int pixel = image.getRGB(x, y);
                for (int c = 0; c < 3; c++) rgb[c * area + y * RESOLUTION + x] = ((pixel >> (16 - 8 * c)) & 0xff) / 255f;
            }
        }
        return rgb;
    }

    private static float[] floats(Map<String, Tensor> arrays, Path npz, String name) {
        Tensor tensor = arrays.get(name);
        if (tensor == null) throw new JudgeException(npz + ": no array '" + name + "'; is it the judge's weights?");
        return tensor.toFloats();
    }

    private static int argmax(float[] values, int from, int count) {
        int best = from;
        for (int i = from + 1; i < from + count; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
