package dev.clipig.cli;

import dev.clipig.clip.ClipModel;
import dev.clipig.clip.image.ClipPreprocessor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clipig classify --image FILE --labels "a diagram,a dog,a cat"}: CLIP's zero-shot probabilities. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Prints how likely CLIP finds each label for an image: the softmax over the labels of"
                + " logit scale × cosine similarity, one line per label, most likely first."})
public final class ClassifyCommand implements Callable<Integer> {
    @Mixin
    private ModelOption model;

    @Option(names = "--image", paramLabel = "FILE", required = true, description = "the image to classify")
    private Path image;

    @Option(names = "--labels", paramLabel = "LABEL", split = ",", description = "comma-separated labels")
    private List<String> labels = new ArrayList<>();

    @Option(names = "--labels-file", paramLabel = "F",
            description = "a UTF-8 file of further labels, one per line; blank lines are skipped")
    private Path labelsFile;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<String> all = allLabels();
        ClipModel clip = model.load();
        INDArray imageFeatures = clip.encodeImages(
                new ClipPreprocessor(clip.imageResolution()).preprocess(List.of(image)));
        INDArray probabilities = clip.probabilities(imageFeatures, clip.encodeTexts(all));
        PrintWriter out = spec.commandLine().getOut();
        IntStream.range(0, all.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> probabilities.getDouble(0, i)).reversed())
                .forEach(i -> out.println(String.format(Locale.ROOT, "%.4f  %s", probabilities.getDouble(0, i),
                        all.get(i))));
        out.flush();
        return 0;
    }

    private List<String> allLabels() {
        List<String> all = new ArrayList<>(labels);
        if (labelsFile != null) {
            all.addAll(LinesFile.read("--labels-file", labelsFile));
        }
        all.replaceAll(String::strip);
        all.removeIf(String::isEmpty);
        if (all.isEmpty()) {
            throw new BadInputException("no labels: give --labels \"a dog,a cat\" or --labels-file");
        }
        return all;
    }
}
