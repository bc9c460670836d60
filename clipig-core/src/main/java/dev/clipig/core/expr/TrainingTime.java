package dev.clipig.core.expr;

import java.util.Optional;

/**
 * Where a run stands in time: epoch {@code epoch} (from zero) of {@code epochs}; as variables, the
 * {@link VariableGroup#TIME} group, which is all a resolution expression may read.
 *
 * @param epoch  the current epoch, {@code 0 <= epoch}
 * @param epochs the number of epochs of the run, at least 1
 */
public record TrainingTime(int epoch, int epochs) implements Variables {

    public TrainingTime {
        if (epochs < 1 || epoch < 0) {
            throw new IllegalArgumentException("need 0 <= epoch and 1 <= epochs, got epoch " + epoch
                    + " of " + epochs);
        }
    }

    /** The reference's {@code time}: 0 at the first epoch, 1 at the last. */
    public double fraction() {
        return (double) epoch / Math.max(1, epochs - 1);
    }

    @Override
    public Optional<Value> lookup(String name) {
        double t = fraction();
        return Optional.ofNullable(switch (name) {
            case "epoch" -> Value.of((long) epoch);
            case "time" -> Value.of(t);
            case "time_inverse" -> Value.of(1.0 - t);
            case "time2", "time3", "time4", "time5" -> Value.of(Math.pow(t, power(name)));
            case "time_inverse2", "time_inverse3", "time_inverse4", "time_inverse5" ->
                    Value.of(Math.pow(1.0 - t, power(name)));
            default -> null;
        });
    }

    private static int power(String name) {
        return name.charAt(name.length() - 1) - '0';
    }
}
