package dev.clipig.core.transforms;

import dev.clipig.core.ConfigChoice;

/**
 * What a sample outside an image's canvas reads: a fill color, the nearest edge pixel, or the
 * pixel from the opposite side.
 */
public record Boundary(Mode mode, double red, double green, double blue) {

    /** Also the {@code mode} of {@link Pad}, as configs spell it. */
    public enum Mode implements ConfigChoice { FILL, EDGE, WRAP }

    public static final Boundary BLACK = new Boundary(Mode.FILL, 0, 0, 0);
    public static final Boundary EDGE = new Boundary(Mode.EDGE, 0, 0, 0);
    public static final Boundary WRAP = new Boundary(Mode.WRAP, 0, 0, 0);

    public static Boundary fill(double[] rgb) {
        return new Boundary(Mode.FILL, rgb[0], rgb[1], rgb[2]);
    }

    double channel(int c) {
        return c == 0 ? red : c == 1 ? green : blue;
    }

    boolean isBlack() {
        return mode == Mode.FILL && red == 0 && green == 0 && blue == 0;
    }
}
