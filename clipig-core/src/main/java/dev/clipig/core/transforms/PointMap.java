package dev.clipig.core.transforms;

/**
 * A map of continuous image coordinates, taking an output point to where it samples its input:
 * an {@link Affine} map for most geometric transforms, a {@link Projective} one for perspective.
 */
public sealed interface PointMap permits Affine, Projective {

    double x(double x, double y);

    double y(double x, double y);
}
