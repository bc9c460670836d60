package dev.clipig.core.transforms;

import java.util.Arrays;
import java.util.List;

/**
 * A short list of {@link ScalarParam}s, such as a color. As in the reference, a single value stands
 * for all components: {@code mul: 1/2} multiplies red, green and blue alike.
 */
public record VectorParam(List<ScalarParam> components) {

    public VectorParam {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a vector parameter needs at least one value");
        }
        components = List.copyOf(components);
    }

    public static VectorParam of(double... constants) {
        return new VectorParam(Arrays.stream(constants).mapToObj(ScalarParam::of).toList());
    }

    public static VectorParam of(ScalarParam... components) {
        return new VectorParam(List.of(components));
    }

    public int size() {
        return components.size();
    }

    /** Checks at construction time that this list can stand for {@code length} values. */
    public VectorParam require(int length, String what) {
        if (size() != 1 && size() != length) {
            throw new IllegalArgumentException(what + " takes 1 or " + length + " values, got " + size());
        }
        return this;
    }

    /** The {@code length} values of this step; a single value is repeated. */
    public double[] values(Step step, int length) {
        require(length, "this parameter");
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = components.get(size() == 1 ? 0 : i).value(step);
        }
        return values;
    }
}
