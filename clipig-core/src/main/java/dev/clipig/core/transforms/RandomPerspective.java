package dev.clipig.core.transforms;

/**
 * Views each image as if from another viewpoint, as torchvision's {@code RandomPerspective} does:
 * with probability {@code p}, each corner of the image moves inward by up to {@code distortion}
 * times half the image's width and height (each axis and corner drawn on its own), and the picture
 * follows its corners. Outside the picture the nearest edge pixel is read rather than black, so
 * that a distorted view adds no border a prompt would have to explain.
 */
public record RandomPerspective(ScalarParam distortion, ScalarParam probability) implements RandomWarp {

    @Override
    public Warp warp(Size input, StepContext ctx) {
        Step s = ctx.step();
        double amount = distortion.value(s), p = probability.value(s);
        double w = input.width(), h = input.height();
        double[] corners = {0, 0, w, 0, w, h, 0, h};
        // Drawn for every view, used or not, so that p changes which views move, not how.
        double[] moved = new double[8];
        for (int i = 0; i < 4; i++) {
            double inX = ctx.uniform(0, amount * w / 2), inY = ctx.uniform(0, amount * h / 2);
            moved[2 * i] = corners[2 * i] + (corners[2 * i] == 0 ? inX : -inX);
            moved[2 * i + 1] = corners[2 * i + 1] + (corners[2 * i + 1] == 0 ? inY : -inY);
        }
        if (ctx.random().nextDouble() >= p) return new Warp(Affine.IDENTITY, input, Boundary.EDGE);
        // An output point on a moved corner shows the input's corner: the map runs moved -> corners.
        return new Warp(Projective.mapping(moved, corners), input, Boundary.EDGE);
    }
}
