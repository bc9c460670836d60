package dev.clipig.core.config;

import dev.clipig.core.constraints.LossFunction;
import java.util.Optional;

/**
 * A feature of a target: a text or an image (path or URL) whose CLIP embedding the image is drawn towards
 * (or away from, with a negative weight).
 *
 * @param weight may use {@code similarity}, the feature's 100 × cosine similarity
 * @param scale  multiplies the similarity used for {@code best}/{@code worst} selection
 */
public record FeatureSpec(Optional<String> text, Optional<String> image, TimeWindow window, Param weight,
                          Param scale, LossFunction loss) {
}
