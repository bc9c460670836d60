package dev.clipig.studio;

import dev.clipig.clip.ClipModel;
import java.util.function.Supplier;

/**
 * The server's one CLIP model, loaded by the first render that needs it (so the page is up at once,
 * even when the weights must be converted first) and kept for the next; a failed load is tried again.
 */
final class LazyModel implements AutoCloseable {
    private final Supplier<ClipModel> loader;
    private ClipModel model;

    LazyModel(Supplier<ClipModel> loader) {
        this.loader = loader;
    }

    synchronized ClipModel get() {
        if (model == null) model = loader.get();
        return model;
    }

    @Override
    public synchronized void close() {
        if (model != null) model.close();
        model = null;
    }
}
