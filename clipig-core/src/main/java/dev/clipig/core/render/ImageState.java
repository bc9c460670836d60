package dev.clipig.core.render;

import dev.clipig.clip.runtime.Workspaces;
import dev.clipig.core.config.InitSpec;
import dev.clipig.core.config.OptimizerKind;
import dev.clipig.core.optim.Optimizer;
import dev.clipig.core.parameterization.Parameterization;
import dev.clipig.core.transforms.Size;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The trained parameters with their optimizer, and the pixels [3, H, W] RGB they make; all follow
 * resolution changes. With CLIPig's pixel parameterization the pixels are the parameters and, as in
 * CLIPig, a resolution change starts a new optimizer; other parameterizations carry its state over.
 */
final class ImageState {
    private final Parameterization parameterization;
    private final OptimizerKind kind;
    private Optimizer optimizer;
    private INDArray params;
    private Size size;
    private INDArray pixels;

    ImageState(Parameterization parameterization, INDArray params, Size size, OptimizerKind kind, Optimizer optimizer) {
        this.parameterization = parameterization;
        this.params = params;
        this.size = size;
        this.kind = kind;
        this.optimizer = optimizer;
        render();
    }

    /**
     * The start of a run. CLIPig's pixels start as {@link InitialPixels} makes them; other
     * parameterizations project an init image made the same way, or start from their own noise,
     * made at the init resolution and then scaled.
     */
    static ImageState initial(InitSpec init, Size size, OptimizerKind kind, Parameterization parameterization,
                              SplittableRandom random) {
        if (parameterization.isPixels() || init.image().isPresent() || init.imageTensor().isPresent()) {
            INDArray start = InitialPixels.of(init, size, random);
            return new ImageState(parameterization, parameterization.project(start), size, kind, Optimizer.of(kind));
        }
        List<Integer> noise = init.resolution().orElse(List.of(size.width(), size.height()));
        Size noiseSize = new Size(noise.get(0), noise.size() > 1 ? noise.get(1) : noise.get(0));
        ImageState state = new ImageState(parameterization, parameterization.noise(init, noiseSize, random),
                noiseSize, kind, Optimizer.of(kind));
        state.resizeTo(size);
        return state;
    }

    INDArray pixels() {
        return pixels;
    }

    /** What the optimizer trains; the pixels themselves with CLIPig's parameterization. */
    INDArray parameters() {
        return params;
    }

    Parameterization parameterization() {
        return parameterization;
    }

    Optimizer optimizer() {
        return optimizer;
    }

    /** The resolution of the pixels. */
    Size size() {
        return size;
    }

    /** Resamples the parameters when the resolution changes; see the class comment for the optimizer. */
    void resizeTo(Size newSize) {
        if (newSize.equals(size)) return;
        Size old = size;
        params = parameterization.resize(params, old, newSize);
        if (parameterization.isPixels()) {
            optimizer = Optimizer.of(kind);
        } else {
            optimizer.mapState(state -> parameterization.resize(state, old, newSize));
        }
        size = newSize;
        render();
    }

    /** One optimizer step from the loss gradient with respect to the pixels. */
    void step(INDArray pixelGradient, double learnrate) {
        optimizer.step(params, parameterization.backward(pixels, pixelGradient, size), learnrate);
        render();
    }

    /**
     * Takes post-processed pixels: CLIPig's pixels become them; other parameterizations add the
     * projection of the change, so what post-processing left alone stays exactly as it was.
     */
    void postprocessed(INDArray processed) {
        if (parameterization.isPixels()) {
            params.assign(processed);
            return;
        }
        params.addi(parameterization.project(processed).subi(parameterization.project(pixels)));
        render();
    }

    /** The pixels outlive the step's workspace, so they are made outside it. */
    private void render() {
        pixels = Workspaces.outside(() -> parameterization.pixels(params, size));
    }
}
