package dev.clipig.examples.judge;

/** The judge's parameter-free steps on square maps stored channel after channel. */
final class FeatureMaps {
    private FeatureMaps() {
    }

    /** Halves each side by averaging 2x2 blocks. */
    static float[] averagePool(float[] maps, int channels, int size) {
        return pool(maps, channels, size, false);
    }

    /** Halves each side by taking the largest of 2x2 blocks. */
    static float[] maxPool(float[] maps, int channels, int size) {
        return pool(maps, channels, size, true);
    }

    static float[] relu(float[] maps) {
        for (int i = 0; i < maps.length; i++) maps[i] = Math.max(0f, maps[i]);
        return maps;
    }

    /** Each channel's mean. */
    static float[] channelMeans(float[] maps, int channels, int size) {
        int area = size * size;
        float[] means = new float[channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int i = 0; i < area; i++) sum += maps[c * area + i];
            means[c] = (float) (sum / area);
        }
        return means;
    }

    private static float[] pool(float[] maps, int channels, int size, boolean max) {
        int half = size / 2;
        float[] result = new float[channels * half * half];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < half; y++) {
                for (int x = 0; x < half; x++) {
                    int at = c * size * size + 2 * y * size + 2 * x;
                    float a = maps[at], b = maps[at + 1], d = maps[at + size], e = maps[at + size + 1];
                    result[(c * half + y) * half + x] = max ? Math.max(Math.max(a, b), Math.max(d, e))
                            : (a + b + d + e) / 4;
                }
            }
        }
        return result;
    }
}
