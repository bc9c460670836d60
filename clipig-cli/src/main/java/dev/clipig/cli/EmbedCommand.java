package dev.clipig.cli;

import dev.clipig.clip.ClipModel;
import dev.clipig.clip.image.ClipPreprocessor;
import dev.clipig.io.RunInputs;
import dev.clipig.weights.Tensor;
import dev.clipig.weights.npy.Npy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clipig embed ... --out OUT.npy}: CLIP features of texts and images, one row each. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Writes the CLIP features of texts and images to a float32 .npy array, one row per input:"
                + " the texts first (--text in order, the lines of --texts-file, the rows of --tokens-npy),"
                + " then the images (--image in order, the rows of --pixels-npy).",
            "Nothing is written unless every input is valid."})
public final class EmbedCommand implements Callable<Integer> {
    /** Inputs per encoder call: bounds the activations' memory whatever the number of inputs. */
    private static final int BATCH = 32;

    @Mixin
    private ModelOption model;

    @Option(names = "--text", paramLabel = "T", description = "a text to embed; repeatable")
    private List<String> texts = new ArrayList<>();

    @Option(names = "--texts-file", paramLabel = "F", description = "a UTF-8 file of texts, one per line")
    private Path textsFile;

    @Option(names = "--tokens-npy", paramLabel = "F", description = "an int64 [N, context] .npy array of token ids")
    private Path tokensNpy;

    @Option(names = "--image", paramLabel = "FILE", description = "an image file to embed; repeatable")
    private List<Path> images = new ArrayList<>();

    @Option(names = "--pixels-npy", paramLabel = "F",
            description = "a float32 or float64 [N, 3, R, R] .npy array of already-normalized pixels")
    private Path pixelsNpy;

    @Option(names = "--out", paramLabel = "OUT.npy", required = true, description = "the .npy file to write")
    private Path out;

    @Option(names = "--normalize", description = "scale every row to unit length")
    private boolean normalize;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (texts.isEmpty() && textsFile == null && tokensNpy == null && images.isEmpty() && pixelsNpy == null) {
            throw new BadInputException("nothing to embed: give --text, --texts-file, --tokens-npy, --image"
                    + " or --pixels-npy");
        }
        RunInputs inputs = RunInputs.none().with("--texts-file", textsFile).with("--tokens-npy", tokensNpy)
                .with("--pixels-npy", pixelsNpy).with("--model", model.name());
        for (Path image : images) inputs = inputs.with("--image", image);
        inputs.refuseAsOutput(out);
        ClipModel clip = model.load();
        int context = clip.hyperParams().contextLength();
        List<int[]> tokens = new ArrayList<>(List.of(clip.tokenizer().tokenize(allTexts(), context)));
        if (tokensNpy != null) {
            tokens.addAll(List.of(NpyInputs.tokens(tokensNpy, context, clip.hyperParams().vocabSize())));
        }
        Tensor pixels = pixelsNpy == null ? null : NpyInputs.pixels(pixelsNpy, clip.imageResolution());
        int pixelRows = pixels == null ? 0 : pixels.shape()[0];
        if (tokens.size() + images.size() + pixelRows == 0) {
            throw new BadInputException("nothing to embed: the files given hold no texts, tokens or pixels");
        }
        ClipPreprocessor preprocessor = new ClipPreprocessor(clip.imageResolution());

        List<INDArray> parts = new ArrayList<>();
        parts.addAll(inBatches(tokens.size(),
                (from, to) -> clip.encodeTokens(tokens.subList(from, to).toArray(int[][]::new))));
        parts.addAll(inBatches(images.size(),
                (from, to) -> clip.encodeImages(preprocessor.preprocess(images.subList(from, to)))));
        parts.addAll(inBatches(pixelRows, (from, to) -> clip.encodeImages(NpyInputs.rows(pixels, from, to))));
        INDArray features = Nd4j.concat(0, parts.toArray(INDArray[]::new));
        if (normalize) {
            features = ClipModel.normalize(features);
        }
        Npy.writeFloats(out, features.dup('c').data().asFloat(), features.shape());
        spec.commandLine().getOut().println("wrote " + out + ": " + features.size(0) + " rows of "
                + features.size(1));
        return 0;
    }

    private List<String> allTexts() {
        List<String> all = new ArrayList<>(texts);
        if (textsFile != null) {
            all.addAll(LinesFile.read("--texts-file", textsFile));
        }
        return all;
    }

    /** The encoder's outputs for inputs {@code [0, count)}, {@link #BATCH} at a time. */
    private static List<INDArray> inBatches(int count, BiFunction<Integer, Integer, INDArray> encode) {
        List<INDArray> batches = new ArrayList<>();
        for (int from = 0; from < count; from += BATCH) {
            batches.add(encode.apply(from, Math.min(count, from + BATCH)));
        }
        return batches;
    }
}
