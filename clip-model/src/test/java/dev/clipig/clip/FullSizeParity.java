package dev.clipig.clip;

import dev.clipig.weights.Tensor;
import dev.clipig.weights.npy.Npy;
import java.nio.file.Path;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The parity check of {@link ClipParityTest} on a full-size model that is too big to commit: made
 * by {@code fixtures/make_fixtures.py --full DIR}, it applies the same bar and prints each output's
 * {@link Parity} figures.
 *
 * <pre>java -cp ... dev.clipig.clip.FullSizeParity DIR/ViT-B-32-random.pt DIR/ViT-B-32-random-reference.npz</pre>
 */
public final class FullSizeParity {
    private FullSizeParity() {
    }

    public static void main(String[] args) {
        ClipModel model = ClipModel.load(Path.of(args[0]));
        Map<String, Tensor> ref = Npy.readArchive(Path.of(args[1]));
        INDArray pixels = Fixtures.array(ref.get("pixels"));
        INDArray text = model.encodeTokens(Fixtures.ints(ref.get("tokens")));
        INDArray target = text.getRow(0, true);
        check("image_features", Fixtures.array(ref.get("image_features")), model.encodeImages(pixels));
        check("text_features", Fixtures.array(ref.get("text_features")), text);
        check("grad_pixels", Fixtures.array(ref.get("grad_pixels")),
                model.imageGradient(pixels, f -> ClipParityTest.meanCosineGradient(f, target)).pixelGradient());
    }

    private static void check(String what, INDArray expected, INDArray actual) {
        Parity p = ClipParityTest.assertClose(what, expected, actual);
        System.out.printf("%s: max |error| / max |reference| %.3g, min row cosine %.9f%n",
                what, p.relativeError(), p.minCosine());
    }
}
