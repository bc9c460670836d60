package dev.clipig.core.parameterization;

import dev.clipig.clip.runtime.Workspaces;
import dev.clipig.core.transforms.Interpolation;
import dev.clipig.core.transforms.Resampling;
import dev.clipig.core.transforms.SeparableMap;
import dev.clipig.core.transforms.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.inverse.InvertMatrix;

/**
 * The pyramid parameterization: planes of growing size (each level half the next, the last the
 * image's), upsampled to the image and summed, then mapped to pixels by a {@link ColorOutput}. A
 * step moves a coarse plane's few values as far as a fine plane's many, so large shapes form before
 * detail. The parameters are [3, Σ h·w], the planes one after another, coarsest first.
 *
 * <p>Pixels are projected level by level: each plane is the least-squares fit of what the coarser
 * planes left unexplained, the last takes the rest exactly.
 */
final class Pyramid implements Parameterization {
    private final int levels;
    private final Interpolation interpolation;
    private final ColorOutput output;
    private final Map<Size, List<Level>> cache = new HashMap<>();

    Pyramid(int levels, Interpolation interpolation, ColorOutput output) {
        this.levels = levels;
        this.interpolation = interpolation;
        this.output = output;
    }

    /** One plane: its size, where it starts in a channel's parameters, its upsampling and that map's least-squares inverse. */
    private record Level(Size size, long offset, SeparableMap up, SeparableMap down, SeparableMap fit) {
        INDArray plane(INDArray params) {
            return params.get(NDArrayIndex.all(), NDArrayIndex.interval(offset, offset + size.pixels())).dup('c')
                    .reshape(1, 3, size.height(), size.width());
        }
    }

    @Override
    public long[] shape(Size size) {
        return new long[] {3, levels(size).stream().mapToLong(l -> l.size.pixels()).sum()};
    }

    @Override
    public INDArray pixels(INDArray params, Size size) {
        INDArray sum = Nd4j.zeros(params.dataType(), 1, 3, size.height(), size.width());
        for (Level level : levels(size)) sum.addi(level.up.apply(level.plane(params)));
        return output.forward(sum.reshape(3, size.height(), size.width()));
    }

    @Override
    public INDArray backward(INDArray pixels, INDArray gradient, Size size) {
        INDArray values = output.backward(pixels, gradient).reshape(1, 3, size.height(), size.width());
        INDArray params = Nd4j.create(values.dataType(), shape(size));
        for (Level level : levels(size)) {
            params.get(NDArrayIndex.all(), NDArrayIndex.interval(level.offset, level.offset + level.size.pixels()))
                    .assign(level.down.apply(values).reshape(3, level.size.pixels()));
        }
        return params;
    }

    @Override
    public INDArray project(INDArray pixels) {
        Size size = new Size((int) pixels.size(2), (int) pixels.size(1));
        INDArray rest = output.inverse(pixels).reshape(1, 3, size.height(), size.width());
        INDArray params = Nd4j.create(rest.dataType(), shape(size));
        for (Level level : levels(size)) {
            INDArray plane = level.fit.apply(rest);
            rest = rest.sub(level.up.apply(plane));
            params.get(NDArrayIndex.all(), NDArrayIndex.interval(level.offset, level.offset + level.size.pixels()))
                    .assign(plane.reshape(3, level.size.pixels()));
        }
        return params;
    }

    /** Each plane resampled to its size at the new resolution. */
    @Override
    public INDArray resize(INDArray params, Size from, Size to) {
        if (from.equals(to)) return params;
        List<Level> before = levels(from), after = levels(to);
        INDArray resized = Nd4j.create(params.dataType(), shape(to));
        for (int i = 0; i < levels; i++) {
            Level b = before.get(i), a = after.get(i);
            resized.get(NDArrayIndex.all(), NDArrayIndex.interval(a.offset, a.offset + a.size.pixels()))
                    .assign(Resampling.resize(b.plane(params), a.size, interpolation).reshape(3, a.size.pixels()));
        }
        return resized;
    }

    private List<Level> levels(Size size) {
        return cache.computeIfAbsent(size, s -> Workspaces.outside(() -> {
            List<Level> list = new ArrayList<>();
            long offset = 0;
            for (int i = 0; i < levels; i++) {
                int shrink = 1 << Math.min(30, levels - 1 - i);
                Size plane = new Size(ceilDiv(s.width(), shrink), ceilDiv(s.height(), shrink));
                SeparableMap up = Resampling.map(plane, s, interpolation);
                SeparableMap fit = new SeparableMap(leastSquares(up.rows()), leastSquares(up.columns()));
                list.add(new Level(plane, offset, up, up.transpose(), fit));
                offset += plane.pixels();
            }
            return List.copyOf(list);
        }));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** (UᵀU)⁻¹Uᵀ: the x minimizing |U x − y| for every y. */
    private static INDArray leastSquares(INDArray u) {
        INDArray d = u.castTo(DataType.DOUBLE);
        return InvertMatrix.invert(d.transpose().mmul(d), false).mmul(d.transpose());
    }
}
