package dev.clipig.examples;

import dev.clipig.ClipigException;
import dev.clipig.clip.ClipModel;
import dev.clipig.clip.models.ModelCatalog;
import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.render.RenderResult;
import dev.clipig.core.render.Renderer;
import dev.clipig.experiments.Method;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Renders one prompt with CLIPig's method 1 or 2, or method 3, using the library API.
 * <pre>
 * java -cp examples/target/clipig.jar dev.clipig.examples.RenderPrompt ViT-B/32 "a cat made of salami" 1 cat.png
 * </pre>
 * MODEL is a weights file or a model name (downloaded once into the cache); EPOCHS, if given,
 * replaces the method's (200 for method 1, 300 for methods 2 and 3).
 */
public final class RenderPrompt {
    private RenderPrompt() {
    }

    public static void main(String[] args) {
        if (args.length < 4 || args.length > 5) {
            System.err.println("usage: RenderPrompt MODEL PROMPT 1|2|3 OUT.png [EPOCHS]");
            System.exit(2);
        }
        try {
            Integer epochs = args.length == 5 ? Integer.valueOf(args[4]) : null;
            render(args[0], args[1], Integer.parseInt(args[2]), Path.of(args[3]), epochs, System.out);
        } catch (NumberFormatException e) {
            System.err.println("the method and the epochs are whole numbers: " + e.getMessage());
            System.exit(2);
        } catch (ClipigException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Renders the prompt, printing the similarity every tenth step; {@code epochs} may be null. */
    static RenderResult render(String modelName, String prompt, int methodNumber, Path output, Integer epochs,
                               PrintStream out) {
        try (ClipModel clip = ClipModel.load(ModelCatalog.standard().resolve(modelName))) {
            // The method's config with the prompt as its text feature.
            Method method = Method.shipped(methodNumber);
            if (epochs != null) method = method.withEpochs(epochs);
            ClipigConfig config = method.forPrompt(prompt);

            RenderResult result = Renderer.builder()
                    .config(config)
                    .model(clip)
                    .seed(0)
                    .output(output)
                    .listener(step -> {
                        if (step.epoch() % 10 == 0 || step.epoch() == step.epochs() - 1) {
                            // 100 × the cosine similarity of the views' and the prompt's CLIP features
                            out.printf(Locale.ROOT, "epoch %d/%d  sim %.2f%n", step.epoch() + 1, step.epochs(),
                                    step.meanSimilarity());
                        }
                    })
                    .build()
                    .run();

            out.printf(Locale.ROOT, "wrote %s in %.1f s%n", result.image(), result.seconds());
            return result;
        }
    }
}
