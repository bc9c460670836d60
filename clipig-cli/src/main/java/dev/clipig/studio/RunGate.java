package dev.clipig.studio;

/**
 * Where the render thread learns that it is to wait or to end: the renderer calls its listeners after
 * every step, and the studio's listener passes this gate, which holds it while the run is paused and
 * throws {@link RunStopped} once the run is stopped.
 */
final class RunGate {
    private boolean paused;
    private boolean stopped;

    synchronized void pause() {
        if (!stopped) paused = true;
    }

    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    synchronized void stop() {
        stopped = true;
        paused = false;
        notifyAll();
    }

    synchronized boolean paused() {
        return paused;
    }

    /** Returns once the run may go on: at once, or when resumed; throws if the run is to end. */
    synchronized void pass() {
        try {
            while (paused) wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
        if (stopped) throw new RunStopped();
    }
}
