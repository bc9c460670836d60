package dev.clipig.core.transforms;

/**
 * One geometric transform of one image: where each output coordinate lies in the input, what the
 * input reads outside its canvas, and whether it is read bilinearly or at the nearest pixel (as
 * torchvision's rotate and affine do by default, and so CLIPig's rotations and scales).
 */
public record Warp(PointMap toInput, Size input, Boundary boundary, boolean nearest) {

    /** A bilinear warp. */
    public Warp(PointMap toInput, Size input, Boundary boundary) {
        this(toInput, input, boundary, false);
    }
}
