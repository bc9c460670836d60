package dev.clipig.cli;

import dev.clipig.clip.ClipModel;
import dev.clipig.clip.RandomWeights;
import dev.clipig.clip.runtime.NativeBuild;
import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.config.ValueCheck;
import dev.clipig.core.render.Renderer;
import dev.clipig.experiments.Method;
import dev.clipig.weights.ClipHyperParams;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clipig bench}: the speed of CLIP's passes and of a whole CLIPig step at ViT-B/32 size with
 * random frozen weights, printed as {@code name: median seconds} lines like the PyTorch reference
 * {@code fixtures/bench/torch_step.py}, for a side-by-side run on the same machine; first, what
 * runs them (CPU, native build, lanes), so that every figure names what made it.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Times ViT-B/32 passes and a step of a shipped method with random weights (nothing to download).")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--batch", converter = PositiveInteger.class, defaultValue = "10",
            description = "images per pass of encode_image and forward_backward (default: ${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--steps", converter = PositiveInteger.class, defaultValue = "5", description = "timed repetitions (default: ${DEFAULT-VALUE})")
    private int steps;

    @Option(names = "--method", defaultValue = "method1",
            description = "the shipped method whose step is timed: method1, method2 or method3 (default: ${DEFAULT-VALUE})")
    private String method;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (batch > ValueCheck.MAX_BATCH) {
            // A config's batch_size has this bound too; beyond it the native allocation fails with a stack trace.
            throw new BadInputException("--batch " + batch + ": at most " + ValueCheck.MAX_BATCH + " images per pass");
        }
        ClipigConfig timed = Method.shipped(method).config();
        PrintWriter out = spec.commandLine().getOut();
        NativeBuild.ofThisProcess().describe().forEach((name, value) -> out.printf("%s: %s%n", name, value));
        ClipHyperParams p = RandomWeights.vitB32();
        ClipModel model = ClipModel.of(p, new RandomWeights(p, DataType.FLOAT, 0));
        int r = p.imageResolution();
        INDArray pixels = Nd4j.rand(DataType.FLOAT, batch, 3, r, r).subi(0.5).muli(4);
        INDArray target = Nd4j.randn(DataType.FLOAT, 1, p.embedDim());

        print(out, "encode_image", time(() -> model.encodeImages(pixels)));
        print(out, "forward_backward", time(() -> model.imageGradient(pixels,
                f -> f.ulike().assign(target.broadcast(f.shape())))));
        print(out, "step", methodStep(timed, model));
        out.printf("peak_rss_mb: %d%n", peakRssMb());
        out.flush();
        return 0;
    }

    /** Median seconds of a whole step of a method (transforms, forward, backward, optimizer). */
    private double methodStep(ClipigConfig shipped, ClipModel model) {
        // Two warm-up epochs before the timed ones and one after: the last epoch writes the final image.
        // The method runs as shipped, with its own views per step (ten for each shipped method).
        ClipigConfig config = shipped.withEpochs(steps + 3);
        List<Double> ends = new ArrayList<>();
        Path output;
        try {
            output = Files.createTempFile("clipig-bench", ".png");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Renderer.builder().config(config).model(model).output(output)
                    .listener(step -> ends.add(step.seconds())).build().run();
        } finally {
            deleteQuietly(output);
            deleteQuietly(Renderer.checkpointOf(output));
        }
        double[] seconds = new double[steps];
        for (int i = 0; i < steps; i++) seconds[i] = ends.get(i + 2) - ends.get(i + 1);
        Arrays.sort(seconds);
        return seconds[steps / 2];
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a left-over temp file is harmless
        }
    }

    private double time(Runnable pass) {
        pass.run();
        pass.run();
        double[] seconds = new double[steps];
        for (int i = 0; i < steps; i++) {
            long start = System.nanoTime();
            pass.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[steps / 2];
    }

    private static void print(PrintWriter out, String name, double seconds) {
        out.printf("%s: %.3f%n", name, seconds);
        out.flush();
    }

    /** VmHWM of /proc/self/status: the most resident memory this process has had. */
    private static long peakRssMb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }
}
