package dev.clipig.core.transforms;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mirrors each image of the batch left to right with probability {@code p} ({@code random_hflip: 0.5}; 1 or
 * more flips every image). CLIPig has no such transform; it is this project's addition, for subjects
 * that may face either way.
 */
public record RandomHFlip(ScalarParam probability) implements PixelTransform, RandomTransform {

    @Override
    public Stage stage(Size input) {
        return (images, ctx) -> {
            double p = probability.value(ctx.step());
            boolean[] flipped = new boolean[Math.toIntExact(images.size(0))];
            for (int b = 0; b < flipped.length; b++) flipped[b] = ctx.random().nextDouble() < p;
            return new Pass(mirror(images, flipped, input), g -> mirror(g, flipped, input));
        };
    }

    /** Reverses the rows of the flagged images: a permutation that is its own transpose, so also the backward. */
    private static INDArray mirror(INDArray images, boolean[] flipped, Size size) {
        Plane from = Plane.of(images);
        Plane to = Plane.create(images.dataType(), images.shape());
        int width = size.width(), rows = 3 * size.height();
        for (int b = 0; b < flipped.length; b++) {
            for (int row = b * rows; row < (b + 1) * rows; row++) {
                int start = row * width;
                for (int x = 0; x < width; x++) {
                    to.set(start + x, from.get(start + (flipped[b] ? width - 1 - x : x)));
                }
            }
        }
        return to.written();
    }
}
