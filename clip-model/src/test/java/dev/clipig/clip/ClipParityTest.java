package dev.clipig.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.weights.Tensor;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The encoders against PyTorch in float64 (fixtures/make_fixtures.py), loaded straight from the
 * TorchScript archives. The bar: cosine ≥ 0.99999 per row and max |error| ≤ 1e-4 · max |reference|.
 */
class ClipParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "b"})
    void imageAndTextFeaturesAndPixelGradientMatchPyTorch(String name) {
        ClipModel model = ClipModel.load(Fixtures.model(name + ".pt"));
        Map<String, Tensor> ref = Fixtures.reference(name);
        INDArray pixels = Fixtures.array(ref.get("pixels"));

        assertClose("image features", Fixtures.array(ref.get("image_features")), model.encodeImages(pixels));
        INDArray text = model.encodeTokens(Fixtures.ints(ref.get("tokens")));
        assertClose("text features", Fixtures.array(ref.get("text_features")), text);

        INDArray target = text.getRow(0, true);
        ImageGradient g = model.imageGradient(pixels, f -> meanCosineGradient(f, target));
        assertClose("image features of the gradient pass", Fixtures.array(ref.get("image_features")), g.features());
        assertClose("pixel gradient", Fixtures.array(ref.get("grad_pixels")), g.pixelGradient());
        assertClose("logits per image", Fixtures.array(ref.get("logits_per_image")),
                model.logits(model.encodeImages(pixels), text));
    }

    /** d/df of mean_i cos(f_i, t): (t̂ − cos_i · f̂_i) / (|f_i| · B). */
    static INDArray meanCosineGradient(INDArray f, INDArray t) {
        INDArray norms = f.norm2(1).reshape(f.size(0), 1);
        INDArray unit = f.divColumnVector(norms);
        INDArray tUnit = t.div(t.norm2Number());
        INDArray cos = unit.mmul(tUnit.transpose());
        return unit.mulColumnVector(cos).rsubiRowVector(tUnit).diviColumnVector(norms).divi(f.size(0));
    }

    /** Asserts the bar and returns the figures, for reports such as {@link FullSizeParity}'s. */
    static Parity assertClose(String what, INDArray expected, INDArray actual) {
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        Parity p = Parity.of(expected, actual);
        assertTrue(p.relativeError() <= 1e-4, what + ": max |error| / max |reference| " + p.relativeError() + " > 1e-4");
        assertTrue(p.minCosine() >= 0.99999, what + " row " + p.worstRow() + ": cosine " + p.minCosine());
        return p;
    }
}
