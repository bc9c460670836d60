package dev.clipig.core.transforms;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A target's transforms, prepared once per training resolution: the trained pixels go in, a batch
 * of images at the model's input resolution comes out, and the pass maps the gradient on that
 * batch back to the pixels.
 *
 * <p>As in the reference, the pixels are clamped to {@code [0, 1]} first, each image of the batch
 * runs through the transforms with its own random draws, a result of another size is resized
 * bicubically to the model's resolution, and the batch is clamped to {@code [0, 1]} again.
 * Consecutive geometric transforms are fused into one sampling.
 */
public final class TransformPipeline {

    private final Size input;
    private final Size output;
    private final int batch;
    private final boolean random;
    private final List<Stage> stages;

    private TransformPipeline(Size input, Size output, int batch, boolean random, List<Stage> stages) {
        this.input = input;
        this.output = output;
        this.batch = batch;
        this.random = random;
        this.stages = stages;
    }

    /**
     * @param input  the resolution of the trained pixels
     * @param output the model's input resolution
     * @param batch  how many transformed images each step makes
     */
    public static TransformPipeline compile(List<Transform> transforms, Size input, Size output, int batch) {
        if (batch < 1) throw new IllegalArgumentException("batch size must be positive, got " + batch);
        List<Stage> stages = new ArrayList<>();
        stages.add(Clamp.UNIT.stage(input));
        Size size = input;
        List<GeometricTransform> run = new ArrayList<>();
        for (Transform t : transforms) {
            if (t instanceof GeometricTransform geometric) {
                run.add(geometric);
                continue;
            }
            size = flush(run, size, stages, batch);
            if (stages.size() == 1) stages.add(tile(batch));
            stages.add(((PixelTransform) t).stage(size));
            size = t.outputSize(size);
        }
        size = flush(run, size, stages, batch);
        if (stages.size() == 1) stages.add(tile(batch));
        if (!size.equals(output)) stages.add(bicubic(size, output));
        stages.add(Clamp.UNIT.stage(output));
        boolean random = transforms.stream().anyMatch(Transform::isRandom);
        return new TransformPipeline(input, output, batch, random, List.copyOf(stages));
    }

    public Size inputSize() {
        return input;
    }

    public Size outputSize() {
        return output;
    }

    public int batch() {
        return batch;
    }

    /** Whether any transform draws random values; the reference makes one image per step if none do. */
    public boolean isRandom() {
        return random;
    }

    /**
     * @param pixels the trained pixels {@code [1, 3, H, W]}; not modified
     * @return the batch {@code [B, 3, h, w]} and the way back to a gradient {@code [1, 3, H, W]}
     */
    public Pass forward(INDArray pixels, StepContext ctx) {
        if (pixels.rank() != 4 || pixels.size(0) != 1 || pixels.size(1) != 3
                || pixels.size(2) != input.height() || pixels.size(3) != input.width()) {
            throw new IllegalArgumentException("expected pixels [1, 3, " + input.height() + ", " + input.width()
                    + "], got " + java.util.Arrays.toString(pixels.shape()));
        }
        Pass pass = stages.get(0).forward(pixels, ctx);
        for (Stage stage : stages.subList(1, stages.size())) pass = pass.then(stage, ctx);
        return pass;
    }

    /** Adds the sampling of a run of geometric transforms; the first stage also makes the batch. */
    private static Size flush(List<GeometricTransform> run, Size size, List<Stage> stages, int batch) {
        if (run.isEmpty()) return size;
        Sampling sampling = new Sampling(run, size);
        run.clear();
        stages.add(stages.size() == 1 ? (x, ctx) -> sampling.forward(x, batch, ctx) : sampling);
        return sampling.outputSize();
    }

    /** The reference's final resize of each view to the model's input: bicubic, as torch's interpolate. */
    private static Stage bicubic(Size from, Size to) {
        SeparableMap map = Resampling.map(from, to, Interpolation.CUBIC), back = map.transpose();
        return (x, ctx) -> new Pass(map.apply(x), back::apply);
    }

    /** Copies the one image into a batch, for pipelines that do not begin with a sampling. */
    private static Stage tile(int batch) {
        return (x, ctx) -> new Pass(x.repeat(0, batch), g -> g.sum(true, 0));
    }
}
