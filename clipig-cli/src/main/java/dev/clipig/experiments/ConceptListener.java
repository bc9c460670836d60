package dev.clipig.experiments;

/** Hears of each image of a concept grid as it is finished or skipped. */
@FunctionalInterface
public interface ConceptListener {
    /** @param position the image's place in the run, from 1 to {@code total} */
    void onImage(int position, int total, ConceptImage image);
}
