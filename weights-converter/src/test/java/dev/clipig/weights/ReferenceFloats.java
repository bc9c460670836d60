package dev.clipig.weights;

import java.util.Arrays;

/**
 * Float16 arithmetic done the slow, obvious way, to check {@link Float16}'s bit manipulation
 * against: a half is {@code (1024 + m) * 2^(e-25)} or {@code m * 2^-24}, and rounding picks the
 * nearest of all finite halves, listed.
 */
final class ReferenceFloats {
    private static final double[] POSITIVE_HALVES = new double[0x7c00];

    static {
        for (int bits = 0; bits < POSITIVE_HALVES.length; bits++) {
            POSITIVE_HALVES[bits] = widen((short) bits);
        }
    }

    private ReferenceFloats() {
    }

    /** The value of a finite half or infinity, as a double; NaN for NaNs. */
    static double widen(short half) {
        int bits = half & 0xffff;
        int exponent = (bits >> 10) & 0x1f;
        int significand = bits & 0x3ff;
        double magnitude;
        if (exponent == 0x1f) {
            magnitude = significand == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else if (exponent == 0) {
            magnitude = significand * Math.pow(2, -24);
        } else {
            magnitude = (1024 + significand) * Math.pow(2, exponent - 25);
        }
        return (bits & 0x8000) != 0 ? -magnitude : magnitude;
    }

    /** The half nearest to a non-NaN value, ties to the even bit pattern, overflow to infinity. */
    static short narrow(double value) {
        int sign = value < 0 || (value == 0 && 1 / value < 0) ? 0x8000 : 0;
        double magnitude = Math.abs(value);
        int at = Arrays.binarySearch(POSITIVE_HALVES, magnitude);
        if (at >= 0) {
            return (short) (sign | at);
        }
        int above = -at - 1;
        int below = above - 1;
        double upper = above < POSITIVE_HALVES.length
                ? POSITIVE_HALVES[above]
                : 65536.0; // where the next half would be: the overflow point rounds as if it existed
        double gapBelow = magnitude - POSITIVE_HALVES[below];
        double gapAbove = upper - magnitude;
        int nearest = gapBelow < gapAbove ? below : gapAbove < gapBelow ? above : (below % 2 == 0 ? below : above);
        return (short) (sign | nearest);
    }
}
