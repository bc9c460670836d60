package dev.clipig.core.transforms;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A run of consecutive geometric transforms, fused into one sampling of the input.
 *
 * <p>Each output pixel center is taken back through the run's warps, last to first. Between two
 * warps the intermediate canvas's boundary applies to the continuous coordinate (clamped, wrapped,
 * or, outside a filled canvas, the fill color); a nearest-pixel warp first moves it to the center
 * of the pixel it lands in. At the source the four bilinear taps (one for a nearest-pixel warp)
 * apply the first warp's boundary one by one, which for a single edge or wrap pad is exactly a
 * bilinear sample of the padded image. The result is a sparse matrix with at most four entries per
 * output pixel: applying it is the forward pass, applying its transpose the backward pass.
 *
 * <p>The loops run in Java on both cores (images in parallel when tracing, channels when
 * applying); images whose warps are equal, as in a plain resize, share one trace.
 */
final class Sampling implements Stage {

    private static final int TAPS = 4;

    private final List<GeometricTransform> run;
    private final Size input;
    private final Size[] sizes;

    Sampling(List<GeometricTransform> run, Size input) {
        if (run.isEmpty()) throw new IllegalArgumentException("a sampling needs at least one transform");
        this.run = List.copyOf(run);
        this.input = input;
        this.sizes = new Size[run.size() + 1];
        sizes[0] = input;
        for (int i = 0; i < run.size(); i++) sizes[i + 1] = run.get(i).outputSize(sizes[i]);
    }

    Size outputSize() {
        return sizes[sizes.length - 1];
    }

    @Override
    public Pass forward(INDArray images, StepContext ctx) {
        return forward(images, Math.toIntExact(images.size(0)), ctx);
    }

    /** Samples a batch of {@code batch} images from {@code images}, which holds 1 or {@code batch}. */
    Pass forward(INDArray images, int batch, StepContext ctx) {
        if (images.rank() != 4 || images.size(1) != 3
                || images.size(2) != input.height() || images.size(3) != input.width()) {
            throw new IllegalArgumentException("expected images [B, 3, " + input.height() + ", "
                    + input.width() + "], got " + Arrays.toString(images.shape()));
        }
        int sourceBatch = Math.toIntExact(images.size(0));
        if (sourceBatch != 1 && sourceBatch != batch) {
            throw new IllegalArgumentException("cannot sample " + batch + " images from " + sourceBatch);
        }
        ImageTaps[] taps = plan(batch, ctx);
        Size out = outputSize();
        Plane source = Plane.of(images);
        Plane result = Plane.create(images.dataType(), batch, 3, out.height(), out.width());
        IntStream.range(0, batch * 3).parallel().forEach(bc -> {
            int b = bc / 3, c = bc % 3;
            taps[b].gather(source, ((sourceBatch == 1 ? 0 : b) * 3 + c) * input.pixels(), c,
                    result, bc * out.pixels());
        });
        return new Pass(result.written(), grad -> {
            Plane g = Plane.of(grad);
            Plane into = Plane.zeros(images.dataType(), sourceBatch, 3, input.height(), input.width());
            // Images of a batch may share their source, so only channels are independent here.
            IntStream.range(0, 3).parallel().forEach(c -> {
                for (int b = 0; b < batch; b++) {
                    taps[b].scatter(g, (b * 3 + c) * out.pixels(),
                            into, ((sourceBatch == 1 ? 0 : b) * 3 + c) * input.pixels());
                }
            });
            return into.written();
        });
    }

    private ImageTaps[] plan(int batch, StepContext ctx) {
        Warp[][] warps = new Warp[batch][run.size()];
        for (Warp[] image : warps) {
            for (int i = 0; i < image.length; i++) image[i] = run.get(i).warp(sizes[i], ctx);
        }
        ImageTaps[] taps = new ImageTaps[batch];
        IntStream.range(0, batch).parallel().forEach(b -> {
            if (b == 0 || !Arrays.equals(warps[b], warps[0])) taps[b] = new ImageTaps(warps[b], outputSize());
        });
        for (int b = 1; b < batch; b++) {
            if (taps[b] == null) taps[b] = taps[0];
        }
        return taps;
    }

    /** One image's row of the sparse sampling matrix: four source taps per output pixel, plus fill. */
    private static final class ImageTaps {
        final int pixels;
        final int[] index;
        final double[] weight;
        /** Fill-color contributions per output pixel and channel; null while all are black. */
        double[] fill;

        ImageTaps(Warp[] warps, Size out) {
            pixels = out.pixels();
            index = new int[pixels * TAPS];
            weight = new double[pixels * TAPS];
            for (int y = 0; y < out.height(); y++) {
                for (int x = 0; x < out.width(); x++) trace(y * out.width() + x, x + 0.5, y + 0.5, warps);
            }
        }

        private void trace(int p, double u, double v, Warp[] warps) {
            for (int i = warps.length - 1; i > 0; i--) {
                Warp w = warps[i];
                double x = w.toInput().x(u, v), y = w.toInput().y(u, v);
                if (w.nearest()) {
                    x = nearestCenter(x);
                    y = nearestCenter(y);
                }
                Size s = w.input();
                switch (w.boundary().mode()) {
                    case EDGE -> {
                        x = clamp(x, 0.5, s.width() - 0.5);
                        y = clamp(y, 0.5, s.height() - 0.5);
                    }
                    case WRAP -> {
                        x = floorMod(x, s.width());
                        y = floorMod(y, s.height());
                    }
                    case FILL -> {
                        if (x < 0 || y < 0 || x >= s.width() || y >= s.height()) {
                            addFill(p, w.boundary(), 1.0);
                            return;
                        }
                    }
                }
                u = x;
                v = y;
            }
            Warp first = warps[0];
            double x = first.toInput().x(u, v) - 0.5, y = first.toInput().y(u, v) - 0.5;
            if (first.nearest()) {
                tap(p * TAPS, (int) Math.rint(x), (int) Math.rint(y), 1.0, first);
                return;
            }
            int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
            double ax = x - x0, ay = y - y0;
            tap(p * TAPS, x0, y0, (1 - ax) * (1 - ay), first);
            tap(p * TAPS + 1, x0 + 1, y0, ax * (1 - ay), first);
            tap(p * TAPS + 2, x0, y0 + 1, (1 - ax) * ay, first);
            tap(p * TAPS + 3, x0 + 1, y0 + 1, ax * ay, first);
        }

        private void tap(int t, int x, int y, double w, Warp warp) {
            if (w == 0) return;
            Size s = warp.input();
            switch (warp.boundary().mode()) {
                case EDGE -> {
                    x = Math.max(0, Math.min(s.width() - 1, x));
                    y = Math.max(0, Math.min(s.height() - 1, y));
                }
                case WRAP -> {
                    x = Math.floorMod(x, s.width());
                    y = Math.floorMod(y, s.height());
                }
                case FILL -> {
                    if (x < 0 || y < 0 || x >= s.width() || y >= s.height()) {
                        addFill(t / TAPS, warp.boundary(), w);
                        return;
                    }
                }
            }
            index[t] = y * s.width() + x;
            weight[t] = w;
        }

        private void addFill(int p, Boundary color, double w) {
            if (color.isBlack()) return;
            if (fill == null) fill = new double[pixels * 3];
            for (int c = 0; c < 3; c++) fill[p * 3 + c] += w * color.channel(c);
        }

        /** Writes channel {@code c} of this image from the source plane starting at {@code from}. */
        void gather(Plane source, int from, int c, Plane out, int to) {
            for (int q = 0; q < pixels; q++) {
                int t = q * TAPS;
                double sum = weight[t] * source.get(from + index[t])
                        + weight[t + 1] * source.get(from + index[t + 1])
                        + weight[t + 2] * source.get(from + index[t + 2])
                        + weight[t + 3] * source.get(from + index[t + 3]);
                if (fill != null) sum += fill[q * 3 + c];
                out.set(to + q, sum);
            }
        }

        /** Adds the transpose of {@link #gather}: the gradient plane at {@code from} into {@code to}. */
        void scatter(Plane grad, int from, Plane into, int to) {
            for (int q = 0; q < pixels; q++) {
                double g = grad.get(from + q);
                int t = q * TAPS;
                for (int k = 0; k < TAPS; k++) into.add(to + index[t + k], weight[t + k] * g);
            }
        }
    }

    /** The center of the pixel a coordinate falls in, ties to even as torch's grid_sample rounds. */
    private static double nearestCenter(double coordinate) {
        return Math.rint(coordinate - 0.5) + 0.5;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double floorMod(double v, double m) {
        double r = v % m;
        return r < 0 ? r + m : r;
    }
}
