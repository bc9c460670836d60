package dev.clipig.examples;

import dev.clipig.ClipigException;
import dev.clipig.clip.ClipModel;
import dev.clipig.clip.image.ClipPreprocessor;
import dev.clipig.clip.models.ModelCatalog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Zero-shot classification with the library API: which of the labels does CLIP find the image
 * shows?
 * <pre>
 * java -cp examples/target/clipig.jar dev.clipig.examples.ZeroShot ViT-B/32 photo.jpg "a dog" "a cat"
 * </pre>
 * MODEL is a weights file ({@code .safetensors} or OpenAI's {@code .pt}) or a model name, which
 * is downloaded once into the cache.
 */
public final class ZeroShot {
    private ZeroShot() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: ZeroShot MODEL IMAGE LABEL...");
            System.exit(2);
        }
        try {
            classify(args[0], Path.of(args[1]), List.of(args).subList(2, args.length), System.out);
        } catch (ClipigException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Prints each label's probability, in the order given. */
    static void classify(String modelName, Path imageFile, List<String> labels, PrintStream out) {
        try (ClipModel clip = ClipModel.load(ModelCatalog.standard().resolve(modelName))) {
            // The image as the model sees it: resized, centre-cropped and normalized, [1, 3, R, R].
            INDArray pixels = new ClipPreprocessor(clip.imageResolution()).preprocess(List.of(imageFile));

            INDArray image = clip.encodeImages(pixels);   // [1, embed]
            INDArray texts = clip.encodeTexts(labels);    // [labels, embed]

            // softmax over the labels of logit scale (100) × cosine similarity: [1, labels]
            INDArray probabilities = clip.probabilities(image, texts);

            for (int i = 0; i < labels.size(); i++) {
                out.printf(Locale.ROOT, "%.4f  %s%n", probabilities.getDouble(0, i), labels.get(i));
            }
        }
    }
}
