package dev.clipig.core.config;

/**
 * How often a snapshot is written: the reference's int is a number of epochs, its float a number of
 * seconds, and zero disables snapshots.
 */
public record SnapshotInterval(Unit unit, double amount) {

    public enum Unit { EPOCHS, SECONDS }

    public SnapshotInterval {
        if (!(amount >= 0.0) || (unit == Unit.EPOCHS && amount != Math.rint(amount))) {
            throw new IllegalArgumentException("bad snapshot interval " + amount + " " + unit);
        }
    }

    public static SnapshotInterval epochs(int epochs) {
        return new SnapshotInterval(Unit.EPOCHS, epochs);
    }

    public static SnapshotInterval seconds(double seconds) {
        return new SnapshotInterval(Unit.SECONDS, seconds);
    }

    public boolean isDisabled() {
        return amount == 0.0;
    }
}
