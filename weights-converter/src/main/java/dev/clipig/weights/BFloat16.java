package dev.clipig.weights;

/** Brain floating point: the top half of a float32, so widening it is a shift. */
public final class BFloat16 {
    private BFloat16() {
    }

    public static float toFloat(short bfloat) {
        return Float.intBitsToFloat((bfloat & 0xffff) << 16);
    }
}
