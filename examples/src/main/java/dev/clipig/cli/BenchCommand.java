package dev.clipig.cli;

import dev.clipig.clip.ClipModel;
import dev.clipig.clip.RandomWeights;
import dev.clipig.weights.ClipHyperParams;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clipig bench}: the speed of CLIP's passes at ViT-B/32 size with random frozen weights,
 * printed as {@code name: median seconds} lines like shared/bench/torch_step.py, for a
 * side-by-side run on the same machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Times ViT-B/32 passes with random weights (nothing to download).")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--batch", defaultValue = "10", description = "images per pass (default: ${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--steps", defaultValue = "5", description = "timed repetitions (default: ${DEFAULT-VALUE})")
    private int steps;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ClipHyperParams p = RandomWeights.vitB32();
        ClipModel model = ClipModel.of(p, new RandomWeights(p, DataType.FLOAT, 0));
        int r = p.imageResolution();
        INDArray pixels = Nd4j.rand(DataType.FLOAT, batch, 3, r, r).subi(0.5).muli(4);
        INDArray target = Nd4j.randn(DataType.FLOAT, 1, p.embedDim());

        print(out, "encode_image", time(() -> model.encodeImages(pixels)));
        print(out, "gradient", time(() -> model.imageGradient(pixels, f -> f.ulike().assign(target.broadcast(f.shape())))));
        out.printf("peak_rss_mb: %d%n", peakRssMb());
        out.flush();
        return 0;
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
