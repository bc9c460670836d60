package dev.clipig.core.render;

import dev.clipig.core.config.SnapshotInterval;

/**
 * When to write a snapshot: the first and last epoch, and every interval of epochs or seconds
 * between; never with an interval of 0 (CLIPig checks the interval before anything else).
 */
final class SnapshotClock {
    private final SnapshotInterval interval;
    private int lastEpoch;
    private double lastSeconds;

    SnapshotClock(SnapshotInterval interval, int firstEpoch) {
        this.interval = interval;
        this.lastEpoch = firstEpoch;
    }

    boolean due(int epoch, int epochs, double seconds) {
        if (interval.isDisabled()) return false;
        boolean due = epoch == 0 || epoch == epochs - 1 || switch (interval.unit()) {
            case EPOCHS -> epoch - lastEpoch >= interval.amount();
            case SECONDS -> seconds - lastSeconds >= interval.amount();
        };
        if (due) {
            lastEpoch = epoch;
            lastSeconds = seconds;
        }
        return due;
    }
}
