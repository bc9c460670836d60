package dev.clipig.studio;

/**
 * Thrown from the studio's step listener to end a render early: the renderer has no stop of its own,
 * and an exception out of a listener ends its loop between two steps, where the pixels are whole.
 */
final class RunStopped extends RuntimeException {
    RunStopped() {
        super("stopped", null, false, false);
    }
}
