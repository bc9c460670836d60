package dev.clipig.core.render;

import dev.clipig.ClipigException;
import dev.clipig.clip.ClipEnsemble;
import dev.clipig.clip.ClipModel;
import dev.clipig.clip.models.ModelCatalog;
import dev.clipig.clip.runtime.Workspaces;
import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.config.FeatureSpec;
import dev.clipig.core.config.PostprocSpec;
import dev.clipig.core.config.TargetSpec;
import dev.clipig.core.expr.TrainingTime;
import dev.clipig.core.parameterization.Parameterization;
import dev.clipig.core.plan.RunPlan;
import dev.clipig.core.plan.ViewPlan;
import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.Step;
import dev.clipig.core.transforms.StepContext;
import dev.clipig.io.OutputFile;
import dev.clipig.io.OutputLock;
import dev.clipig.io.RunInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * CLIPig's training loop: pixels, starting from noise, move step by step so that CLIP's features
 * of their transformed views approach each target's features.
 *
 * <pre>{@code
 * RenderResult result = Renderer.builder()
 *         .config(ClipigConfig.load(Path.of("method1.yaml")))
 *         .model(ClipModel.load(Path.of("ViT-B-32.safetensors")))
 *         .seed(1)
 *         .output(Path.of("cat.png"))
 *         .listener(step -> System.out.println(step.epoch() + " " + step.meanSimilarity()))
 *         .build()
 *         .run();
 * }</pre>
 *
 * <p>A run is reproducible: every step draws its random numbers from a source seeded by the run's
 * seed and the epoch, so a run resumed from a checkpoint continues exactly as it would have.
 */
public final class Renderer {
    private static final String STEP_WORKSPACE = "clipig-step";

    private final ClipigConfig config;
    private final ClipModel model;
    private final long seed;
    private final Path output;
    private final boolean resume;
    private final RunInputs inputs;
    private final List<RenderListener> listeners;

    private Renderer(Builder b) {
        this.config = Objects.requireNonNull(b.config, "config");
        this.model = Objects.requireNonNull(b.model, "model");
        this.seed = b.seed;
        this.output = b.output != null ? b.output : OutputNames.forConfig(config);
        this.resume = b.resume;
        this.inputs = b.inputs;
        this.listeners = List.copyOf(b.listeners);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The PNG this run writes (snapshots overwrite it; the checkpoint sits beside it). */
    public Path output() {
        return output;
    }

    /**
     * Runs every epoch (or the rest, when resuming), writing snapshots and the final image, holding the
     * output's {@link OutputLock} meanwhile.
     *
     * @throws ClipigException when the output or its checkpoint would replace one of the run's inputs or
     *                         is no place for a file, or another run is writing the output
     */
    public RenderResult run() {
        RunInputs reads = inputs;
        if (config.init().image().isPresent()) reads = reads.with("init image", config.init().image().get());
        for (String name : config.ensemble()) reads = reads.with("ensemble model", name);
        for (TargetSpec target : config.targets()) {
            for (FeatureSpec feature : target.features()) {
                if (feature.image().isPresent()) reads = reads.with("feature image", feature.image().get());
            }
        }
        reads.refuseAsOutput(output);
        reads.refuseAsOutput(checkpointOf(output));
        OutputFile.check(output);
        OutputFile.check(checkpointOf(output));
        try (OutputLock lock = OutputLock.acquire(output)) {
            return render();
        }
    }

    /**
     * The run's model and the config's ensemble, loaded for the run and closed after it. A name that
     * does not resolve is a one-line error naming the config's {@code ensemble} key.
     */
    private RenderResult render() {
        List<ClipModel> loaded = new ArrayList<>();
        try {
            ClipEnsemble models;
            try {
                for (String name : config.ensemble()) loaded.add(ClipModel.load(ModelCatalog.standard().resolve(name)));
                List<ClipModel> all = new ArrayList<>(List.of(model));
                all.addAll(loaded);
                models = ClipEnsemble.of(all);
            } catch (ClipigException e) {
                throw new ClipigException(config.sourceName() + ": ensemble: " + e.getMessage(), e);
            }
            try (models) {
                return render(models);
            }
        } finally {
            loaded.forEach(ClipModel::close);
        }
    }

    private RenderResult render(ClipEnsemble models) {
        long started = System.nanoTime();
        int epochs = config.epochs();
        Checkpoint checkpoint = Checkpoint.beside(output);
        Checkpoint.State restored = resume && Files.exists(checkpoint.path()) ? checkpoint.read(seed, epochs, parameterizationLabel()) : null;
        Parameterization parameterization = Parameterization.of(config.parameterization(), config.interpolation());
        // A resumed run plans with the image it started from, so that it continues as it would have.
        ImageState start = initialImage(epochs, parameterization);
        RunPlan plan = RunPlan.of(config.targets(), models, start.pixels());
        List<TargetRun> targets = plan.targets().stream().map(t -> new TargetRun(t, models)).toList();
        ImageState image = restored != null ? checkpoint.restore(restored, config.optimizer(), parameterization) : start;
        int first = restored != null ? restored.nextEpoch() : config.startEpoch();
        SnapshotClock snapshots = new SnapshotClock(config.snapshotInterval(), first);
        StepReport last = null;
        Size planned = null;
        List<ViewPlan> views = List.of();
        for (int epoch = first; epoch < epochs; epoch++) {
            TrainingTime time = new TrainingTime(epoch, epochs);
            SplittableRandom draws = expressionRandom(epoch);
            Size resolution = resolution(time, draws);
            image.resizeTo(resolution);
            Step at = Step.at(time, resolution, draws);
            double learnrateScale = config.learnrateScale().value(at);
            double learnrate = image.optimizer().baseLearnrate() * learnrateScale * config.learnrate().value(at);
            StepContext step = new StepContext(at.withLearnrate(learnrate, learnrateScale),
                    new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch));
            if (!resolution.equals(planned)) {
                views = plan.views(resolution, step.step());
                planned = resolution;
            }

            List<ViewPlan> stepViews = views;
            Trained trained = Workspaces.reused(STEP_WORKSPACE, () -> train(image, targets, stepViews, step));

            double seconds = (System.nanoTime() - started) / 1e9;
            if (snapshots.due(epoch, epochs, seconds)) {
                PixelImages.writePng(image.pixels(), output);
                checkpoint.write(image, epoch + 1, seed, epochs, parameterizationLabel());
            }
            last = new StepReport(epoch, epochs, trained.loss(), trained.similarities(), learnrate, seconds,
                    image.pixels().dup());
            for (RenderListener listener : listeners) listener.onStep(last);
        }
        PixelImages.writePng(image.pixels(), output);
        checkpoint.write(image, epochs, seed, epochs, parameterizationLabel());
        return new RenderResult(output, image.pixels().dup(), last, (System.nanoTime() - started) / 1e9);
    }

    /**
     * One step on the pixels, in place: post-processing, each target's loss gradient, the optimizer's
     * update. Its temporaries live in a workspace reused from step to step, so that memory stays flat
     * over a long run instead of waiting for the garbage collector.
     */
    private Trained train(ImageState image, List<TargetRun> targets, List<ViewPlan> views, StepContext step) {
        postprocess(image, step);
        double loss = 0;
        List<double[]> similarities = new ArrayList<>();
        INDArray gradient = image.pixels().ulike().assign(0);
        for (int i = 0; i < targets.size(); i++) {
            TargetRun target = targets.get(i);
            if (!target.spec().window().contains(step.step().time())) continue;
            TargetRun.Result r = target.step(views.get(i), image.pixels(), step);
            loss += r.loss();
            gradient.addi(r.pixelGradient());
            similarities.add(r.similarities());
        }
        image.step(gradient, step.step().learnrate());
        return new Trained(loss, similarities);
    }

    /** A step's total loss and, per active target, the mean similarity to each feature. */
    private record Trained(double loss, List<double[]> similarities) {
    }

    /** The file beside {@code png} where a run writing it keeps its resumable state. */
    public static Path checkpointOf(Path png) {
        return Checkpoint.beside(png).path();
    }

    private ImageState initialImage(int epochs, Parameterization parameterization) {
        int first = config.startEpoch();
        return ImageState.initial(config.init(), resolution(new TrainingTime(first, epochs), expressionRandom(first)),
                config.optimizer(), parameterization, new SplittableRandom(seed));
    }

    /**
     * What the expressions' random functions draw from in an epoch: seeded by the run's seed and the
     * epoch, so that a resumed run draws what it would have, and apart from the transforms' source,
     * so that a random expression leaves the transforms' draws as they were.
     */
    private SplittableRandom expressionRandom(int epoch) {
        return new SplittableRandom(~(seed * 0x9E3779B97F4A7C15L + epoch));
    }

    private String parameterizationLabel() {
        return config.parameterization().label();
    }

    /** The training resolution at this time; one number means a square. */
    private Size resolution(TrainingTime time, SplittableRandom draws) {
        int[] r = config.resolution().intValues(time.drawingFrom(draws));
        return r.length == 1 ? Size.square(r[0]) : new Size(r[0], r[1]);
    }

    /** The post-processing stages active at this step, on a copy of the pixels that the image then takes on. */
    private void postprocess(ImageState image, StepContext step) {
        INDArray pixels = null;
        for (PostprocSpec stage : config.postproc()) {
            if (!stage.active() || !stage.window().contains(step.step().time())) continue;
            if (pixels == null) pixels = image.pixels().dup();
            PostProcessing.apply(stage, pixels, step);
        }
        if (pixels != null) image.postprocessed(pixels);
    }

    /** Options of a run; {@link #config} and {@link #model} are required. */
    public static final class Builder {
        private ClipigConfig config;
        private ClipModel model;
        private long seed;
        private Path output;
        private boolean resume;
        private RunInputs inputs = RunInputs.none();
        private final List<RenderListener> listeners = new ArrayList<>();

        public Builder config(ClipigConfig value) {
            this.config = value;
            return this;
        }

        /** The run's model; the models the config's {@code ensemble} names are loaded beside it for the run. */
        public Builder model(ClipModel value) {
            this.model = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** The PNG to write; by default the config's {@code output} named as the reference does. */
        public Builder output(Path value) {
            this.output = value;
            return this;
        }

        /** Continue from the checkpoint beside the output, if there is one. */
        public Builder resume(boolean value) {
            this.resume = value;
            return this;
        }

        /**
         * Files the run reads besides the images its config names (which it adds), such as the config
         * files and the model: its outputs may not be one of them.
         */
        public Builder inputs(RunInputs value) {
            this.inputs = Objects.requireNonNull(value);
            return this;
        }

        public Builder listener(RenderListener value) {
            listeners.add(Objects.requireNonNull(value));
            return this;
        }

        public Renderer build() {
            return new Renderer(this);
        }
    }
}
