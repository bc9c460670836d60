package dev.clipig.cli;

import dev.clipig.weights.WeightsConverter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clipig convert IN OUT}: a CLIP checkpoint to the safetensors file the model loads. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Converts a ViT CLIP checkpoint into the safetensors file clipig loads.",
            "IN may be OpenAI's TorchScript release (e.g. ViT-B-32.pt), a torch.save state dict, or a"
                + " safetensors file with OpenAI/open_clip or Hugging Face CLIPModel tensor names."})
public final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "the checkpoint to read")
    private Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "the safetensors file to write")
    private Path out;

    @Option(names = "--dtype", paramLabel = "fp16|fp32", defaultValue = "fp32",
            description = "element type written: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    private Precision dtype;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        WeightsConverter.Report report = WeightsConverter.convert(in, out, dtype.dtype());
        print(report, (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private void print(WeightsConverter.Report report, double seconds) {
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("read  %s (%s)%n", report.source(), report.format());
        stdout.printf("wrote %s (%s, %,d bytes) in %.1f s%n", out, report.dtype(), report.bytesWritten(), seconds);
        report.hyperParams().toMetadata().forEach((key, value) -> stdout.printf("  %-18s %s%n", key, value));
        stdout.printf("%d tensors, %,d parameters%n", report.tensorCount(), report.parameterCount());
        stdout.flush();
    }
}
