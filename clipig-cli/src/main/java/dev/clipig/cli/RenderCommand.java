package dev.clipig.cli;

import dev.clipig.clip.ClipModel;
import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.config.ConfigDocument;
import dev.clipig.core.render.OutputNames;
import dev.clipig.core.render.RenderResult;
import dev.clipig.core.render.Renderer;
import dev.clipig.core.render.StepReport;
import dev.clipig.io.InputFile;
import dev.clipig.io.RunInputs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clipig render CONFIG...}: CLIPig YAML configs to a PNG, with CLIPig's command line (several
 * configs merged in order, {@code -} for standard input, {@code -o} a file or a folder, numbered names
 * instead of overwriting, the config recorded beside the image, its short options) and ours
 * ({@code --seed}, {@code --resume}, {@code --model}).
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Renders an image from CLIPig YAML configs by optimizing pixels against CLIP.")
public final class RenderCommand implements Callable<Integer> {
    private static final String COMMAND_LINE = "command line";

    @Parameters(arity = "1..*", paramLabel = "CONFIG",
            description = "YAML configs, merged in order (later files add targets and replace settings); - reads standard input")
    private List<String> configs;

    @Mixin
    private ModelOption model;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "the PNG to write, or a folder (ending in /) for it; an existing image is numbered, never replaced")
    private String output;

    @Option(names = {"-e", "--epochs"}, converter = PositiveInteger.class, paramLabel = "N", description = "the config's epochs")
    private Integer epochs;

    @Option(names = {"-lr", "--learnrate"}, paramLabel = "X", description = "the config's learnrate")
    private Double learnrate;

    @Option(names = {"-opt", "--optimizer"}, paramLabel = "NAME", description = "the config's optimizer")
    private String optimizer;

    @Option(names = {"-r", "--resolution"}, arity = "1..2", paramLabel = "PX", description = "the config's resolution: one or two numbers")
    private List<Integer> resolution;

    @Option(names = {"-s", "--snapshot-interval"}, paramLabel = "SECONDS",
            description = "the config's snapshot_interval in seconds; 0 writes no snapshots")
    private Double snapshotInterval;

    @Option(names = {"-d", "--device"}, paramLabel = "DEVICE", description = "the config's device (auto, cpu, cuda)")
    private String device;

    @Option(names = {"-v", "--verbosity"}, paramLabel = "LEVEL",
            description = "the config's verbose: 0 quiet, 1 a progress bar, 2 also the similarities at the end")
    private Integer verbosity;

    @Option(names = "--repeat", converter = PositiveInteger.class, paramLabel = "N", defaultValue = "1",
            description = "renders N images, the i-th with seed + i (default: ${DEFAULT-VALUE})")
    private int repeat;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "random seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--resume", description = "continue from the checkpoint beside the output, if any")
    private boolean resume;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (resume && repeat > 1) throw new BadInputException("--resume continues one image; it cannot be used with --repeat");
        ConfigDocument document = merged().withSettings(settings(), COMMAND_LINE);
        ClipigConfig config = document.toConfig();
        String lastConfig = configs.get(configs.size() - 1);
        Path planned = ImageName.planned(config.output(), lastConfig, output);
        warnAboutDevice(config.device());
        String modelName = model.nameOr(config.model());
        ClipModel clip = ModelOption.load(modelName);
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < repeat; i++) {
            Path image = resume && Files.exists(Renderer.checkpointOf(planned)) ? planned : OutputNames.firstFree(planned);
            createFolder(image);
            RenderResult result;
            try (EpochBar bar = new EpochBar(config.epochs(), config.verbose() >= 1)) {
                result = Renderer.builder().config(config).model(clip).seed(seed + i).resume(resume)
                        .inputs(inputs(modelName)).listener(bar::show).output(image).build().run();
            }
            RunRecord record = new RunRecord(document.toYaml(), config, seed + i, modelName);
            record.writeFor(result);
            out.printf(Locale.ROOT, "wrote %s (%.1f s)%n", result.image(), result.seconds());
            if (config.verbose() >= 2) record.statistics(result.lastStep()).forEach(out::print);
            out.flush();
        }
        return 0;
    }

    /** The config files and the model file, if it is one, which no output may replace. */
    private RunInputs inputs(String modelName) {
        RunInputs inputs = RunInputs.none().with("model", modelName);
        for (String name : configs) {
            if (!name.equals("-")) inputs = inputs.with("config", name);
        }
        return inputs;
    }

    private ConfigDocument merged() {
        ConfigDocument document = null;
        for (String name : configs) {
            ConfigDocument next = name.equals("-") ? standardInput() : ConfigDocument.read(Path.of(name));
            document = document == null ? next : document.mergedWith(next);
        }
        return document;
    }

    private static ConfigDocument standardInput() {
        try {
            return ConfigDocument.parse(new String(System.in.readAllBytes(), StandardCharsets.UTF_8), "<stdin>");
        } catch (IOException e) {
            throw new BadInputException("cannot read the config from standard input: " + e.getMessage());
        }
    }

    /** The options that replace config settings, under the config's own key names. */
    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (epochs != null) settings.put("epochs", epochs);
        if (learnrate != null) settings.put("learnrate", learnrate);
        if (optimizer != null) settings.put("optimizer", optimizer);
        if (resolution != null) settings.put("resolution", resolution);
        if (snapshotInterval != null) settings.put("snapshot_interval", snapshotInterval);
        if (device != null) settings.put("device", device);
        if (verbosity != null) settings.put("verbose", verbosity);
        return settings;
    }

    /** CLIPig configs often name a GPU; this build may not have one, which is no reason to refuse them. */
    private void warnAboutDevice(String wanted) {
        String name = wanted.strip().toLowerCase(Locale.ROOT);
        if (name.equals("auto") || name.equals("cpu")) return;
        if (name.startsWith("cuda") && Nd4j.getBackend().getClass().getName().toLowerCase(Locale.ROOT).contains("cuda")) return;
        spec.commandLine().getErr().println("render: device '" + wanted + "' is not available in this build; running on the CPU");
    }

    private static void createFolder(Path image) {
        Path folder = image.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new BadInputException("cannot create the folder " + folder + " for " + image + ": "
                    + InputFile.describe(e));
        }
    }

    /**
     * Epoch, similarity (100 × cosine, averaged over targets and features) and the ETA. The bar
     * appears with the first finished epoch, so that a run failing before it (a bad init image, say)
     * leaves no empty bar; its ETA counts from there, which for a resumed run is where it resumed.
     */
    private static final class EpochBar implements AutoCloseable {
        private final int epochs;
        private final boolean shown;
        private ProgressBar bar;

        EpochBar(int epochs, boolean shown) {
            this.epochs = epochs;
            this.shown = shown;
        }

        void show(StepReport step) {
            if (!shown) return;
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("render").setInitialMax(epochs)
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" epochs", 1)
                        .startsFrom(step.epoch() + 1, Duration.ZERO).build();
            }
            bar.stepTo(step.epoch() + 1);
            bar.setExtraMessage(String.format(Locale.ROOT, "sim %.2f loss %.3f", step.meanSimilarity(), step.loss()));
        }

        @Override
        public void close() {
            if (bar != null) bar.close();
        }
    }
}
