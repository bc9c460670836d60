package dev.clipig.examples.judge;

/**
 * A 3x3 convolution with zero padding 1 and a bias, in PyTorch's weight layout
 * {@code [out, in, 3, 3]}, on square feature maps stored channel after channel.
 */
record Conv3x3(int in, int out, float[] weight, float[] bias) {

    Conv3x3 {
        if (weight.length != out * in * 9 || bias.length != out) {
            throw new JudgeException("a 3x3 convolution " + in + " -> " + out + " needs " + out * in * 9
                    + " weights and " + out + " biases, got " + weight.length + " and " + bias.length);
        }
    }

    /** {@code maps} holds {@code in} maps of {@code size x size}; returns {@code out} maps of the same size. */
    float[] apply(float[] maps, int size) {
        int area = size * size;
        float[] result = new float[out * area];
        for (int o = 0; o < out; o++) {
            java.util.Arrays.fill(result, o * area, (o + 1) * area, bias[o]);
            for (int i = 0; i < in; i++) {
                for (int ky = 0; ky < 3; ky++) {
                    for (int kx = 0; kx < 3; kx++) {
                        float w = weight[((o * in + i) * 3 + ky) * 3 + kx];
                        accumulate(maps, i * area, result, o * area, size, ky - 1, kx - 1, w);
                    }
                }
            }
        }
        return result;
    }

    /** Adds {@code w} times the input map shifted by (dy, dx), zero outside, to the output map. */
    private static void accumulate(float[] maps, int from, float[] result, int to, int size, int dy, int dx,
                                   float w) {
        for (int y = Math.max(0, -dy); y < Math.min(size, size - dy); y++) {
            int source = from + (y + dy) * size + dx;
            int target = to + y * size;
            for (int x = Math.max(0, -dx); x < Math.min(size, size - dx); x++) {
                result[target + x] += w * maps[source + x];
            }
        }
    }
}
