package dev.clipig.weights;

/**
 * IEEE 754 half precision (binary16), the format OpenAI released CLIP's weights in.
 *
 * <p>Widening is exact for every one of the 65536 bit patterns, subnormals, infinities and NaN
 * payloads included; narrowing rounds to nearest, ties to even, as PyTorch and NumPy do.
 */
public final class Float16 {
    private static final int EXPONENT_MASK = 0x7c00;
    private static final int SIGNIFICAND_BITS = 10;
    /** Half of the gap above the largest finite half, 65504: from here on rounding overflows. */
    private static final double OVERFLOW_THRESHOLD = 65520.0;
    private static final int MIN_NORMAL_EXPONENT = -14;

    private Float16() {
    }

    public static float toFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits & EXPONENT_MASK) >>> SIGNIFICAND_BITS;
        int significand = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | significand << 13);
        }
        if (exponent == 0) {
            // Zero or subnormal: significand * 2^-24, both factors exact in a float.
            float magnitude = significand * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | (exponent + 127 - 15) << 23 | significand << 13);
    }

    public static short fromFloat(float value) {
        if (Float.isNaN(value)) {
            // Handled here, not by fromDouble: widening to double would quiet a signalling NaN.
            int raw = Float.floatToRawIntBits(value);
            return nan(raw >>> 16 & 0x8000, raw >>> 13 & 0x3ff);
        }
        return fromDouble(value);
    }

    /** A NaN keeping the top bits of its payload, never collapsing into infinity. */
    private static short nan(int sign, int payload) {
        return (short) (sign | EXPONENT_MASK | (payload == 0 ? 0x200 : payload));
    }

    /** Rounds once, straight from a double, so float64 weights are not rounded twice. */
    public static short fromDouble(double value) {
        long raw = Double.doubleToRawLongBits(value);
        int sign = (int) (raw >>> 48) & 0x8000;
        if (Double.isNaN(value)) {
            return nan(sign, (int) (raw >>> 42) & 0x3ff);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= OVERFLOW_THRESHOLD) {
            return (short) (sign | EXPONENT_MASK);
        }
        int exponent = Math.getExponent(magnitude);
        if (exponent < MIN_NORMAL_EXPONENT) {
            // Subnormal range: units of 2^-24; a carry into 1024 is exactly the smallest normal.
            return (short) (sign | (int) Math.rint(magnitude * 0x1p24));
        }
        // Scaling by a power of two is exact, so rint performs the only rounding; a carry to
        // 2048 rolls over into the next exponent by itself.
        int significand = (int) Math.rint(Math.scalb(magnitude, SIGNIFICAND_BITS - exponent));
        return (short) (sign | ((exponent + 15) << SIGNIFICAND_BITS) + significand - (1 << SIGNIFICAND_BITS));
    }
}
