package dev.clipig.cli;

import dev.clipig.weights.DType;
import dev.clipig.weights.WeightsConverter;
import dev.clipig.weights.WeightsException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
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
            description = "element type written (default: ${DEFAULT-VALUE})")
    private String dtype;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        DType type = switch (dtype.toLowerCase(Locale.ROOT)) {
            case "fp32" -> DType.F32;
            case "fp16" -> DType.F16;
            default -> null;
        };
        if (type == null) {
            err.println("convert: unknown --dtype '" + dtype + "': expected fp16 or fp32");
            return 2;
        }
        long started = System.nanoTime();
        WeightsConverter.Report report;
        try {
            report = WeightsConverter.convert(in, out, type);
        } catch (WeightsException e) {
            err.println(e.getMessage());
            return 1;
        }
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
