package dev.clipig.core.plan;

import dev.clipig.clip.ClipModel;
import dev.clipig.clip.image.ClipPreprocessor;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A target feature given as an image file: CLIP's features of it, preprocessed as OpenAI's loader does. */
final class FeatureImages {
    private FeatureImages() {
    }

    /** [1, embed]; an unreadable file is a one-line {@code ImageReadException} naming it. */
    static INDArray encode(String file, ClipModel model) {
        INDArray pixels = new ClipPreprocessor(model.imageResolution()).preprocess(Path.of(file));
        return model.encodeImages(pixels.reshape(1, pixels.size(0), pixels.size(1), pixels.size(2)));
    }
}
