package dev.clipig.cli;

import dev.clipig.clip.ClipModel;
import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.render.RenderResult;
import dev.clipig.core.render.Renderer;
import dev.clipig.core.render.StepReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clipig render CONFIG}: a CLIPig YAML config to a PNG. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Renders an image from a CLIPig YAML config by optimizing pixels against CLIP.")
public final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "the YAML config")
    private Path configFile;

    @Mixin
    private ModelOption model;

    @Option(names = "--epochs", converter = PositiveInteger.class, paramLabel = "N", description = "overrides the config's epochs")
    private Integer epochs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "random seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH", description = "the PNG to write (default: as the config says)")
    private Path output;

    @Option(names = "--resume", description = "continue from the checkpoint beside the output, if any")
    private boolean resume;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        ClipigConfig config = ClipigConfig.load(configFile);
        if (epochs != null) config = config.withEpochs(epochs);
        ClipModel clip = model.load();
        PrintWriter out = spec.commandLine().getOut();
        RenderResult result;
        try (EpochBar bar = new EpochBar(config.epochs())) {
            Renderer.Builder builder = Renderer.builder().config(config).model(clip).seed(seed).resume(resume)
                    .listener(bar::show);
            if (output != null) builder.output(output);
            result = builder.build().run();
        }
        out.printf(Locale.ROOT, "wrote %s (%.1f s)%n", result.image(), result.seconds());
        out.flush();
        return 0;
    }

    /**
     * Epoch, similarity (100 × cosine, averaged over targets and features) and the ETA. The bar
     * appears with the first finished epoch, so that a run failing before it (a bad init image, say)
     * leaves no empty bar; its ETA counts from there, which for a resumed run is where it resumed.
     */
    private static final class EpochBar implements AutoCloseable {
        private final int epochs;
        private ProgressBar bar;

        EpochBar(int epochs) {
            this.epochs = epochs;
        }

        void show(StepReport step) {
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
