package dev.clipig.clip.image;

/**
 * A decoded image, one plane per channel of {@code mode}, each row-major {@code height × width}.
 * The planes are owned by the record and never changed after construction.
 */
record PilImage(int width, int height, PilMode mode, int[][] planes) {
    PilImage {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("empty image " + width + "x" + height);
        }
        if (planes.length != mode.planes()) {
            throw new IllegalArgumentException(mode + " needs " + mode.planes() + " planes, not " + planes.length);
        }
        for (int[] plane : planes) {
            if (plane.length != width * height) {
                throw new IllegalArgumentException("plane of " + plane.length + " values for " + width + "x" + height);
            }
        }
    }
}
