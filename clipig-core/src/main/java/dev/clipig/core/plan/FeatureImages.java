package dev.clipig.core.plan;

import dev.clipig.clip.ClipEnsemble;
import dev.clipig.clip.image.ClipPreprocessor;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A target feature given as an image file: CLIP's features of it, preprocessed as OpenAI's loader does. */
final class FeatureImages {
    private FeatureImages() {
    }

    /** [1, embed] per model; an unreadable file is a one-line {@code ImageReadException} naming it. */
    static List<INDArray> encode(String file, ClipEnsemble models) {
        INDArray pixels = new ClipPreprocessor(models.imageResolution()).preprocess(Path.of(file));
        return models.encodeImages(pixels.reshape(1, pixels.size(0), pixels.size(1), pixels.size(2)));
    }
}
