package dev.clipig.core.transforms;

import static dev.clipig.core.transforms.GradientCheck.assertGradient;
import static dev.clipig.core.transforms.GradientCheck.context;
import static dev.clipig.core.transforms.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GeometricTransformsTest {

    private static final Size SIZE = new Size(4, 4);
    private static final Path WARPS = Path.of(System.getProperty("clipig.fixtures", "../fixtures"), "warps");

    /** Channel c, row i, column j holds {@code 100c + 10i + j}. */
    private static INDArray indexed(Size size) {
        INDArray x = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, 3, size.height(), size.width());
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < size.height(); i++) {
                for (int j = 0; j < size.width(); j++) x.putScalar(new int[]{0, c, i, j}, 100 * c + 10 * i + j);
            }
        }
        return x;
    }

    private static INDArray run(Size size, long seed, GeometricTransform... run) {
        return new Sampling(List.of(run), size).forward(indexed(size), context(seed, size)).output();
    }

    private static INDArray run(Size size, GeometricTransform... run) {
        return run(size, 7, run);
    }

    private static double at(INDArray x, int c, int i, int j) {
        return x.getDouble(0, c, i, j);
    }

    @Test
    void padsWithEdgeFillOrWrap() {
        Size size = new Size(3, 2);
        INDArray edge = run(size, new Pad(2, 1, Boundary.Mode.EDGE));
        INDArray fill = run(size, new Pad(2, 1, Boundary.Mode.FILL, VectorParam.of(0.25, 0.5, 0.75)));
        INDArray wrap = run(size, new Pad(2, 1, Boundary.Mode.WRAP));
        assertEquals(List.of(1L, 3L, 4L, 7L), List.of(1L, 3L, edge.size(2), edge.size(3)));
        for (int c = 0; c < 3; c++) {
            assertEquals(100 * c, at(edge, c, 0, 0), 1e-9);
            assertEquals(100 * c + 12, at(edge, c, 3, 6), 1e-9);
            assertEquals(100 * c + 11, at(edge, c, 2, 3), 1e-9);
            assertEquals(0.25 * (c + 1), at(fill, c, 0, 3), 1e-9);
            assertEquals(0.25 * (c + 1), at(fill, c, 2, 1), 1e-9);
            assertEquals(100 * c + 1, at(fill, c, 1, 3), 1e-9);
            assertEquals(100 * c + 12, at(wrap, c, 0, 1), 1e-9);
            assertEquals(100 * c + 1, at(wrap, c, 3, 6), 1e-9);
        }
    }

    @Test
    void rotatesCounterClockwiseAboutTheCenter() {
        INDArray rotated = run(SIZE, new Rotate(ScalarParam.of(90)));
        INDArray random = run(SIZE, new RandomRotate(ScalarParam.of(90), ScalarParam.of(90)));
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double expected = 10 * j + (3 - i);
                assertEquals(expected, at(rotated, 1, i, j) - 100, 1e-9, "like numpy's rot90");
                assertEquals(expected, at(random, 1, i, j) - 100, 1e-9);
            }
        }
    }

    @Test
    void rotationCornersComeFromOutsideAsBlack() {
        INDArray rotated = run(new Size(6, 6), new Rotate(ScalarParam.of(45)));
        assertEquals(0, at(rotated, 2, 0, 0), 1e-9);
        assertEquals(0, at(rotated, 2, 5, 5), 1e-9);
        assertTrue(at(rotated, 2, 3, 3) > 200, "the middle stays inside");
    }

    /**
     * CLIPig rotates with torchvision's {@code rotate} about whole-pixel centers and scales with its
     * {@code RandomAffine}, both at torchvision's default nearest-neighbour sampling, black outside
     * (fixtures/warps/make_warps.py wrote what torchvision gives).
     */
    @Test
    void rotatesAndScalesAtTheNearestPixelAsTorchvision() {
        INDArray input = Nd4j.createFromNpyFile(WARPS.resolve("input.npy").toFile()).castTo(DataType.DOUBLE);
        Size size = new Size((int) input.size(2), (int) input.size(1));
        INDArray batch = input.reshape(1, 3, size.height(), size.width());
        Map<String, GeometricTransform> cases = Map.of(
                "rotate33_center04_06", new Rotate(ScalarParam.of(33), VectorParam.of(0.4, 0.6)),
                "rotate-20", new RandomRotate(ScalarParam.of(-20), ScalarParam.of(-20)),
                "rotate71_center0_1", new Rotate(ScalarParam.of(71), VectorParam.of(0, 1)),
                "scale1.3", new RandomScale(ScalarParam.of(1.3), ScalarParam.of(1.3)),
                "scale0.7", new RandomScale(ScalarParam.of(0.7), ScalarParam.of(0.7)));
        cases.forEach((name, transform) -> {
            INDArray expected = Nd4j.createFromNpyFile(WARPS.resolve(name + ".npy").toFile()).castTo(DataType.DOUBLE);
            INDArray actual = new Sampling(List.of(transform), size).forward(batch, context(1, size)).output();
            assertEquals(0, actual.reshape(expected.shape()).sub(expected).amaxNumber().doubleValue(), 1e-6, name);
        });
    }

    /** Two nearest-pixel warps in one sampling read the source where doing them one after the other reads it. */
    @Test
    void fusedNearestWarpsEqualTheirSequence() {
        Size size = new Size(9, 7);
        INDArray x = indexed(size);
        GeometricTransform rotate = new Rotate(ScalarParam.of(27), VectorParam.of(0.3, 0.6));
        GeometricTransform scale = new RandomScale(ScalarParam.of(1.4), ScalarParam.of(1.4));
        INDArray fused = new Sampling(List.of(rotate, scale), size).forward(x, context(1, size)).output();
        INDArray first = new Sampling(List.of(rotate), size).forward(x, context(1, size)).output();
        INDArray sequence = new Sampling(List.of(scale), size).forward(first, context(1, size)).output();
        assertEquals(0, fused.sub(sequence).amaxNumber().doubleValue(), 1e-9);
        assertTrue(fused.amaxNumber().doubleValue() > 0, "the view is not all black");
    }

    @Test
    void translatesByWholePixelsWithinTheRange() {
        for (long seed = 1; seed < 6; seed++) {
            INDArray moved = run(SIZE, seed, new RandomTranslate(ScalarParam.of(0.5), ScalarParam.of(0.25)));
            assertTrue(isMove(moved, 2, 1, false), "a move of at most 2, 1 pixels filled with black");
        }
    }

    @Test
    void shiftsWrapAround() {
        INDArray shifted = run(new Size(4, 2), new Shift(ScalarParam.of(0.5), ScalarParam.of(1)));
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 4; j++) {
                double expected = 10 * Math.floorMod(i - 1, 2) + Math.floorMod(j - 2, 4);
                assertEquals(expected, at(shifted, 0, i, j), 1e-9);
            }
        }
        for (long seed = 1; seed < 6; seed++) {
            INDArray random = run(SIZE, seed, new RandomShift(ScalarParam.of(-3), ScalarParam.of(3)));
            assertTrue(isMove(random, 3, 3, true), "a wrapped move");
        }
    }

    @Test
    void cropsByPixelsOrFractions() {
        INDArray pixels = run(SIZE, new Crop(1, 2, 2, 2));
        INDArray fractions = run(SIZE, new Crop(0.25, 0.5, 0.5, 0.5));
        INDArray center = run(new Size(5, 4), new CenterCrop(new Size(2, 2)));
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(10 * (i + 2) + j + 1, at(pixels, 0, i, j), 1e-9);
                assertEquals(10 * (i + 2) + j + 1, at(fractions, 0, i, j), 1e-9);
                assertEquals(10 * (i + 1) + j + 2, at(center, 0, i, j), 1e-9, "1.5 rounds to even");
            }
        }
    }

    @Test
    void randomCropsLieInsideTheImage() {
        for (long seed = 1; seed < 6; seed++) {
            INDArray crop = run(SIZE, seed, new RandomCrop(new Size(2, 3)));
            int top = (int) at(crop, 0, 0, 0) / 10, left = (int) at(crop, 0, 0, 0) % 10;
            assertTrue(top <= 1 && left <= 2);
            assertEquals(10 * (top + 2) + left + 1, at(crop, 0, 2, 1), 1e-9);
        }
    }

    @Test
    void cutoutsAreSquaresOfRandomSizeInsideTheImage() {
        Size size = new Size(10, 8);
        Cutouts cutouts = new Cutouts(6, ScalarParam.of(0.25), ScalarParam.of(1.0));
        assertEquals(Size.square(8), cutouts.outputSize(size));
        java.util.Set<Double> sides = new java.util.HashSet<>();
        StepContext ctx = context(11, size);
        for (int i = 0; i < 20; i++) {
            Warp warp = cutouts.warp(size, ctx);
            double left = warp.toInput().x(0, 0), top = warp.toInput().y(0, 0);
            double right = warp.toInput().x(8, 8), bottom = warp.toInput().y(8, 8);
            assertEquals(right - left, bottom - top, 1e-12, "square");
            assertTrue(right - left >= 2 - 1e-12 && right - left <= 8 + 1e-12, "side in [0.25, 1] of 8: " + (right - left));
            assertTrue(left >= 0 && top >= 0 && right <= 10 + 1e-12 && bottom <= 8 + 1e-12, "inside the image");
            sides.add(right - left);
        }
        assertTrue(sides.size() > 10, "each view draws its own size");
    }

    @Test
    void turnedCutoutsAreTurnedSquaresInsideTheImage() {
        Size size = new Size(10, 8);
        Cutouts cutouts = new Cutouts(6, ScalarParam.of(0.5), ScalarParam.of(1.0), ScalarParam.of(-30), ScalarParam.of(30));
        StepContext ctx = context(11, size);
        java.util.Set<Long> angles = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            PointMap map = cutouts.warp(size, ctx).toInput();
            double[][] corners = {{0, 0}, {8, 0}, {8, 8}, {0, 8}};
            double[][] at = new double[4][];
            for (int c = 0; c < 4; c++) {
                at[c] = new double[] {map.x(corners[c][0], corners[c][1]), map.y(corners[c][0], corners[c][1])};
                assertTrue(at[c][0] >= -1e-9 && at[c][0] <= 10 + 1e-9 && at[c][1] >= -1e-9 && at[c][1] <= 8 + 1e-9,
                        "corner " + c + " inside the image: " + java.util.Arrays.toString(at[c]));
            }
            double top = Math.hypot(at[1][0] - at[0][0], at[1][1] - at[0][1]);
            double left = Math.hypot(at[3][0] - at[0][0], at[3][1] - at[0][1]);
            assertEquals(top, left, 1e-9, "square");
            assertEquals(0, (at[1][0] - at[0][0]) * (at[3][0] - at[0][0]) + (at[1][1] - at[0][1]) * (at[3][1] - at[0][1]),
                    1e-9, "right-angled");
            double degrees = Math.toDegrees(Math.atan2(at[1][1] - at[0][1], at[1][0] - at[0][0]));
            assertTrue(Math.abs(degrees) <= 30 + 1e-9, "turned by at most 30 degrees: " + degrees);
            angles.add(Math.round(degrees));
        }
        assertTrue(angles.size() > 10, "each view draws its own angle: " + angles);
    }

    @Test
    void cutoutsWithoutAnAngleRangeDrawWhatTheyDrewBefore() {
        Size size = new Size(10, 8);
        StepContext plain = context(3, size), zero = context(3, size);
        Cutouts before = new Cutouts(4, ScalarParam.of(0.3), ScalarParam.of(0.9));
        Cutouts unturned = new Cutouts(4, ScalarParam.of(0.3), ScalarParam.of(0.9), ScalarParam.of(0), ScalarParam.of(0));
        for (int i = 0; i < 5; i++) {
            assertEquals(before.warp(size, plain), unturned.warp(size, zero));
        }
    }

    @Test
    void aProjectiveMapTakesFourPointsToFourAndKeepsLinesStraight() {
        double[] from = {0, 0, 10, 0, 10, 8, 0, 8};
        double[] to = {1, 2, 9, 0.5, 8, 7, 2.5, 6};
        Projective map = Projective.mapping(from, to);
        for (int i = 0; i < 4; i++) {
            assertEquals(to[2 * i], map.x(from[2 * i], from[2 * i + 1]), 1e-9);
            assertEquals(to[2 * i + 1], map.y(from[2 * i], from[2 * i + 1]), 1e-9);
        }
        // Three points of one line stay on one line: the cross product of their differences is 0.
        double[][] line = {{0, 1}, {5, 4}, {10, 7}};
        double[][] mapped = new double[3][];
        for (int i = 0; i < 3; i++) mapped[i] = new double[] {map.x(line[i][0], line[i][1]), map.y(line[i][0], line[i][1])};
        double cross = (mapped[1][0] - mapped[0][0]) * (mapped[2][1] - mapped[0][1])
                - (mapped[1][1] - mapped[0][1]) * (mapped[2][0] - mapped[0][0]);
        assertEquals(0, cross, 1e-9);
        assertTrue(Math.abs(map.g()) + Math.abs(map.h()) > 1e-3, "not affine: parallels meet");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Projective.mapping(new double[] {0, 0, 1, 1, 2, 2, 0, 5}, to));
        assertTrue(e.getMessage().contains("three on a line"), e.getMessage());
    }

    @Test
    void randomPerspectiveMovesEachCornerInwardWithinTheDistortion() {
        Size size = new Size(10, 8);
        RandomPerspective perspective = new RandomPerspective(ScalarParam.of(0.5), ScalarParam.of(1));
        StepContext ctx = context(13, size);
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (int view = 0; view < 20; view++) {
            Warp warp = perspective.warp(size, ctx);
            assertEquals(Boundary.EDGE, warp.boundary());
            Projective map = (Projective) warp.toInput();
            // The output point that samples an image corner is where that corner moved to.
            double[][] corners = {{0, 0}, {10, 0}, {10, 8}, {0, 8}};
            for (double[] corner : corners) {
                double[] moved = solveInverse(map, corner[0], corner[1]);
                assertTrue(Math.abs(moved[0] - corner[0]) <= 2.5 + 1e-9 && Math.abs(moved[1] - corner[1]) <= 2 + 1e-9,
                        "a corner moves at most half the distortion of the size: " + java.util.Arrays.toString(moved));
                assertTrue(moved[0] >= -1e-9 && moved[0] <= 10 + 1e-9 && moved[1] >= -1e-9 && moved[1] <= 8 + 1e-9,
                        "inward");
                seen.add(moved[0]);
            }
        }
        assertTrue(seen.size() > 40, "every view and corner draws its own move");
        StepContext never = context(13, size);
        assertEquals(Affine.IDENTITY, new RandomPerspective(ScalarParam.of(0.5), ScalarParam.of(0)).warp(size, never).toInput());
    }

    /** The point the map takes to {@code (x, y)}, by Newton's method (the map is smooth and near identity). */
    private static double[] solveInverse(Projective map, double x, double y) {
        double u = x, v = y, h = 1e-6;
        for (int i = 0; i < 50; i++) {
            double fx = map.x(u, v) - x, fy = map.y(u, v) - y;
            double a = (map.x(u + h, v) - map.x(u - h, v)) / (2 * h), b = (map.x(u, v + h) - map.x(u, v - h)) / (2 * h);
            double c = (map.y(u + h, v) - map.y(u - h, v)) / (2 * h), d = (map.y(u, v + h) - map.y(u, v - h)) / (2 * h);
            double det = a * d - b * c;
            u -= (d * fx - b * fy) / det;
            v -= (a * fy - c * fx) / det;
        }
        return new double[] {u, v};
    }

    @Test
    void resizesLikeTorchBilinear() {
        INDArray up = run(new Size(2, 2), new Resize(SIZE));
        double[] along = {0, 0.25, 0.75, 1};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) assertEquals(10 * along[i] + along[j], at(up, 0, i, j), 1e-9);
        }
        INDArray viaMatrix = Resampling.resize(indexed(new Size(2, 2)), SIZE, Interpolation.LINEAR);
        assertTrue(viaMatrix.equalsWithEps(up, 1e-9));
    }

    @Test
    void repeatsTiles() {
        INDArray tiled = run(new Size(2, 2), new Repeat(2, 1));
        assertEquals(4, tiled.size(3));
        for (int j = 0; j < 4; j++) assertEquals(10 + j % 2, at(tiled, 0, 1, j), 1e-9);
    }

    @Test
    void aFusedPadAndCropGivesTheEdge() {
        INDArray corner = run(new Size(3, 3), new Pad(2, 2, Boundary.Mode.EDGE), new Crop(1, 1, 3, 3));
        assertEquals(0, at(corner, 0, 0, 0), 1e-9);
        assertEquals(0, at(corner, 0, 1, 1), 1e-9);
        assertEquals(11, at(corner, 0, 2, 2), 1e-9);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Size size = new Size(5, 4);
        INDArray x = uniform(3, 0, 1, 1, 3, 4, 5);
        List<List<GeometricTransform>> runs = List.of(
                List.of(new Pad(2, 1, Boundary.Mode.EDGE)),
                List.of(new Pad(1, 2, Boundary.Mode.FILL, VectorParam.of(0.3))),
                List.of(new Pad(2, 2, Boundary.Mode.WRAP)),
                List.of(new Rotate(ScalarParam.of(33), VectorParam.of(0.4, 0.6))),
                List.of(new RandomRotate(ScalarParam.of(-30), ScalarParam.of(30), ScalarParam.of(0), ScalarParam.of(1))),
                List.of(new RandomScale(ScalarParam.of(0.7), ScalarParam.of(1.4))),
                List.of(new RandomTranslate(ScalarParam.of(0.3), ScalarParam.of(0.3))),
                List.of(new Shift(ScalarParam.of(2), ScalarParam.of(-1))),
                List.of(new RandomShift(ScalarParam.of(0), ScalarParam.of(1))),
                List.of(new Crop(1, 1, 3, 2)),
                List.of(new CenterCrop(new Size(3, 3))),
                List.of(new RandomCrop(new Size(3, 2))),
                List.of(new Cutouts(4, ScalarParam.of(0.4), ScalarParam.of(1.0)), new Resize(new Size(6, 6))),
                List.of(new Cutouts(4, ScalarParam.of(0.4), ScalarParam.of(1.0), ScalarParam.of(-40), ScalarParam.of(40)),
                        new Resize(new Size(6, 6))),
                List.of(new RandomPerspective(ScalarParam.of(0.6), ScalarParam.of(1))),
                List.of(new Resize(new Size(7, 3))),
                List.of(new Repeat(2, 2)),
                List.of(new Resize(new Size(8, 8)), new Pad(2, 2, Boundary.Mode.EDGE),
                        new RandomRotate(ScalarParam.of(-20), ScalarParam.of(20)), new RandomCrop(new Size(6, 6))));
        for (List<GeometricTransform> run : runs) {
            Sampling sampling = new Sampling(run, size);
            assertGradient(in -> sampling.forward(in, 3, context(5, size)), x);
        }
    }

    /** Whether the image is the indexed one moved by at most {@code mx, my} pixels. */
    private static boolean isMove(INDArray out, int mx, int my, boolean wrap) {
        for (int dy = -my; dy <= my; dy++) {
            for (int dx = -mx; dx <= mx; dx++) {
                boolean all = true;
                for (int i = 0; i < 4 && all; i++) {
                    for (int j = 0; j < 4 && all; j++) {
                        int si = i - dy, sj = j - dx;
                        if (wrap) {
                            si = Math.floorMod(si, 4);
                            sj = Math.floorMod(sj, 4);
                        }
                        boolean inside = si >= 0 && sj >= 0 && si < 4 && sj < 4;
                        double expected = inside ? 10 * si + sj : 0;
                        all = Math.abs(at(out, 0, i, j) - expected) < 1e-9;
                    }
                }
                if (all) return true;
            }
        }
        return false;
    }
}
