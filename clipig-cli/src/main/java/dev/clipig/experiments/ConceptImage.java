package dev.clipig.experiments;

import java.nio.file.Path;

/**
 * What became of one image of the grid.
 *
 * @param similarity the last step's mean 100 × cosine similarity; NaN if no step ran in this call
 * @param seconds    the time this call spent on the image
 */
public record ConceptImage(String method, Concept concept, Path image, Outcome outcome, double similarity,
                           double seconds) {

    public enum Outcome {
        /** The image was there already. */
        SKIPPED,
        /** Rendered from the start. */
        RENDERED,
        /** Continued from the checkpoint a stopped run left. */
        RESUMED
    }
}
