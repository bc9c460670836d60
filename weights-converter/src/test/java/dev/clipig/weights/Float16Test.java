package dev.clipig.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Float16Test {
    @Test
    void widensEveryHalfExactly() {
        for (int bits = 0; bits < 0x10000; bits++) {
            short half = (short) bits;
            float widened = Float16.toFloat(half);
            double expected = ReferenceFloats.widen(half);
            if (Double.isNaN(expected)) {
                assertTrue(Float.isNaN(widened), Integer.toHexString(bits));
                assertEquals(bits & 0x3ff, Float.floatToRawIntBits(widened) >>> 13 & 0x3ff, "NaN payload");
            } else {
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(widened),
                        Integer.toHexString(bits));
            }
        }
    }

    @Test
    void everyHalfSurvivesTheRoundTripBitForBit() {
        for (int bits = 0; bits < 0x10000; bits++) {
            assertEquals((short) bits, Float16.fromFloat(Float16.toFloat((short) bits)), Integer.toHexString(bits));
        }
    }

    @Test
    void roundsToNearestTiesToEvenLikeTheReference() {
        float[] edges = {0f, -0f, 0x1p-24f, 0x1p-25f, 0x1.8p-25f, 0x1.8p-24f, 0x1p-14f, 0x1.ff8p-15f, 0x1.ffcp-15f,
            65504f, 65519.99f, 65520f, 1e6f, Float.MIN_VALUE, Float.MAX_VALUE, 1 + 0x1p-11f, 1 + 0x3p-11f,
            -2.5e-8f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (float value : edges) {
            assertNarrowsLikeReference(value);
        }
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            // Exponents from deep subnormal to past the overflow point.
            float value = (float) (random.nextGaussian() * Math.pow(2, random.nextInt(46) - 30));
            assertNarrowsLikeReference(value);
        }
    }

    @Test
    void keepsNaNsNaN() {
        assertEquals(0x7c00, Float16.fromFloat(Float.NaN) & 0x7c00);
        assertTrue((Float16.fromFloat(Float.intBitsToFloat(0x7f800001)) & 0x3ff) != 0, "payload below half's reach");
    }

    @Test
    void widensBFloat16ByShifting() {
        assertEquals(1.0f, BFloat16.toFloat((short) 0x3f80));
        assertEquals(-2.0f, BFloat16.toFloat((short) 0xc000));
        assertEquals(Float.POSITIVE_INFINITY, BFloat16.toFloat((short) 0x7f80));
    }

    private static void assertNarrowsLikeReference(float value) {
        assertEquals(ReferenceFloats.narrow(value), Float16.fromFloat(value), () -> Float.toHexString(value));
    }
}
