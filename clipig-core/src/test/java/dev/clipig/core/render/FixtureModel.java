package dev.clipig.core.render;

import dev.clipig.clip.ClipModel;
import java.nio.file.Path;

/** The small fixture CLIP {@code a} (64 px input, OpenAI's vocabulary) the render tests run on. */
final class FixtureModel {
    private FixtureModel() {
    }

    static ClipModel load() {
        return ClipModel.load(Path.of(System.getProperty("clipig.fixtures", "../fixtures"), "models", "a.pt"));
    }
}
