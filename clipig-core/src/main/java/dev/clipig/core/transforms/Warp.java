package dev.clipig.core.transforms;

/**
 * One geometric transform of one image: where each output coordinate lies in the input, and what
 * the input reads outside its canvas.
 */
public record Warp(Affine toInput, Size input, Boundary boundary) {
}
