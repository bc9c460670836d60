package dev.clipig.core.transforms;

/**
 * A 2-D affine map {@code (x, y) -> (a x + b y + c, d x + e y + f)} on continuous image
 * coordinates, where pixel {@code (i, j)} covers {@code [i, i+1] x [j, j+1]} and has its center at
 * {@code (i + 0.5, j + 0.5)}.
 */
public record Affine(double a, double b, double c, double d, double e, double f) implements PointMap {

    public static final Affine IDENTITY = new Affine(1, 0, 0, 0, 1, 0);

    public static Affine translate(double dx, double dy) {
        return new Affine(1, 0, dx, 0, 1, dy);
    }

    /** Scaling by {@code sx, sy} about the point {@code (cx, cy)}. */
    public static Affine scale(double sx, double sy, double cx, double cy) {
        return new Affine(sx, 0, cx - sx * cx, 0, sy, cy - sy * cy);
    }

    /**
     * Where a counter-clockwise rotation by {@code degrees} about {@code (cx, cy)} takes each output
     * point from: the inverse rotation. Image y points down, so on screen a counter-clockwise turn
     * takes a point right of the center to above it.
     */
    public static Affine rotationSource(double degrees, double cx, double cy) {
        double r = Math.toRadians(degrees), cos = Math.cos(r), sin = Math.sin(r);
        return new Affine(cos, -sin, cx - cos * cx + sin * cy, sin, cos, cy - sin * cx - cos * cy);
    }

    @Override
    public double x(double x, double y) {
        return a * x + b * y + c;
    }

    @Override
    public double y(double x, double y) {
        return d * x + e * y + f;
    }
}
