package dev.clipig.core.config;

import dev.clipig.core.transforms.Interpolation;
import java.nio.file.Path;
import java.util.List;

/**
 * A whole CLIPig config, every parameter of the reference with its default filled in. Read one with
 * {@link #load(Path)} or {@link #parse(String, String)}; change settings for a run with
 * {@link #toBuilder()} or the {@code with...} shortcuts.
 *
 * @param sourceName       the file the config came from, for messages
 * @param verbose          0 off, 1 progress, 2 statistics
 * @param output           output directory (ending in {@code /}) or PNG file name
 * @param snapshotInterval how often a snapshot is written
 * @param epochs           the number of training steps (each over every target's batch)
 * @param startEpoch       epochs to skip at the start
 * @param resolution       {@code [width, height]}, may depend on time (the image is resampled on change)
 * @param interpolation    how the training image is resampled when the resolution changes
 * @param model            the CLIP model name of the reference ({@code ViT-B/32}); the CLI's model path wins
 * @param ensemble         more CLIP models (names or weights files) that judge the views beside {@code model},
 *                         each a block of every target's views; none by default
 * @param device           the reference's device; accepted and not used
 * @param learnrate        learning rate, scaled per optimizer so that 1.0 suits all
 * @param learnrateScale   a further factor on the learnrate
 * @param optimizer        the optimizer
 * @param init             how the pixels start
 * @param targets          the targets
 * @param postproc         post-processing stages
 * @param parameterization what the optimizer trains (CLIPig's pixels unless the config says otherwise)
 */
public record ClipigConfig(String sourceName, int verbose, String output, SnapshotInterval snapshotInterval,
                           int epochs, int startEpoch, Param resolution, Interpolation interpolation,
                           String model, List<String> ensemble, String device, Param learnrate, Param learnrateScale,
                           OptimizerKind optimizer, InitSpec init, List<TargetSpec> targets,
                           List<PostprocSpec> postproc, ParameterizationSpec parameterization) {

    public ClipigConfig {
        ensemble = List.copyOf(ensemble);
        targets = List.copyOf(targets);
        postproc = List.copyOf(postproc);
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
    }

    /** Reads a config file; any problem is a one-line {@link ConfigException}. */
    public static ClipigConfig load(Path path) {
        return ConfigDocument.read(path).toConfig();
    }

    /** Reads config text; {@code sourceName} names it in messages. */
    public static ClipigConfig parse(String yaml, String sourceName) {
        return ConfigDocument.parse(yaml, sourceName).toConfig();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public ClipigConfig withEpochs(int newEpochs) {
        return toBuilder().epochs(newEpochs).build();
    }

    public ClipigConfig withOutput(String newOutput) {
        return toBuilder().output(newOutput).build();
    }

    /** Changes the settings of a config, for command-line overrides and programmatic use. */
    public static final class Builder {
        private String sourceName;
        private int verbose;
        private String output;
        private SnapshotInterval snapshotInterval;
        private int epochs;
        private int startEpoch;
        private Param resolution;
        private Interpolation interpolation;
        private String model;
        private List<String> ensemble;
        private String device;
        private Param learnrate;
        private Param learnrateScale;
        private OptimizerKind optimizer;
        private InitSpec init;
        private List<TargetSpec> targets;
        private List<PostprocSpec> postproc;
        private ParameterizationSpec parameterization;

        private Builder(ClipigConfig c) {
            sourceName = c.sourceName;
            verbose = c.verbose;
            output = c.output;
            snapshotInterval = c.snapshotInterval;
            epochs = c.epochs;
            startEpoch = c.startEpoch;
            resolution = c.resolution;
            interpolation = c.interpolation;
            model = c.model;
            ensemble = c.ensemble;
            device = c.device;
            learnrate = c.learnrate;
            learnrateScale = c.learnrateScale;
            optimizer = c.optimizer;
            init = c.init;
            targets = c.targets;
            postproc = c.postproc;
            parameterization = c.parameterization;
        }

        public Builder verbose(int value) {
            verbose = value;
            return this;
        }

        public Builder output(String value) {
            output = value;
            return this;
        }

        public Builder snapshotInterval(SnapshotInterval value) {
            snapshotInterval = value;
            return this;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder startEpoch(int value) {
            startEpoch = value;
            return this;
        }

        public Builder resolution(Param value) {
            resolution = value;
            return this;
        }

        /** A fixed resolution. */
        public Builder resolution(int width, int height) {
            return resolution(Param.of("resolution", ParamSchema.Type.INT,
                    ConfigLocation.programmatic(sourceName, "resolution"), width, height));
        }

        public Builder interpolation(Interpolation value) {
            interpolation = value;
            return this;
        }

        public Builder model(String value) {
            model = value;
            return this;
        }

        public Builder ensemble(List<String> value) {
            ensemble = value;
            return this;
        }

        public Builder device(String value) {
            device = value;
            return this;
        }

        public Builder learnrate(Param value) {
            learnrate = value;
            return this;
        }

        /** A fixed learnrate. */
        public Builder learnrate(double value) {
            return learnrate(Param.of("learnrate", ParamSchema.Type.FLOAT,
                    ConfigLocation.programmatic(sourceName, "learnrate"), value));
        }

        public Builder learnrateScale(Param value) {
            learnrateScale = value;
            return this;
        }

        public Builder optimizer(OptimizerKind value) {
            optimizer = value;
            return this;
        }

        public Builder init(InitSpec value) {
            init = value;
            return this;
        }

        public Builder targets(List<TargetSpec> value) {
            targets = value;
            return this;
        }

        public Builder postproc(List<PostprocSpec> value) {
            postproc = value;
            return this;
        }

        public Builder parameterization(ParameterizationSpec value) {
            parameterization = value;
            return this;
        }

        public ClipigConfig build() {
            return new ClipigConfig(sourceName, verbose, output, snapshotInterval, epochs, startEpoch, resolution,
                    interpolation, model, ensemble, device, learnrate, learnrateScale, optimizer, init, targets, postproc,
                    parameterization);
        }
    }
}
