package dev.clipig.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class ElementsTest {
    @Test
    void everyHalfBitPatternSurvivesF16ToF32ToF16() {
        ByteBuffer halves = buffer(0x10000 * 2);
        for (int bits = 0; bits < 0x10000; bits++) {
            halves.putShort((short) bits);
        }
        halves.flip();
        ByteBuffer floats = buffer(0x10000 * 4);
        Elements.convert(halves, DType.F16, 0, 0x10000, floats, DType.F32);
        ByteBuffer back = buffer(0x10000 * 2);
        Elements.convert(floats.flip(), DType.F32, 0, 0x10000, back, DType.F16);
        assertEquals(halves.rewind(), back.flip());
    }

    @Test
    void roundsFloat64ToHalfOnce() {
        // Via float this would round to 1 + 2^-11, a tie, then to 1.0; rounded once it is 1 + 2^-10.
        ByteBuffer source = buffer(8).putDouble(0, 1 + 0x1p-11 + 0x1p-40);
        ByteBuffer target = buffer(2);
        Elements.convert(source, DType.F64, 0, 1, target, DType.F16);
        assertEquals(1 + 0x1p-10f, Float16.toFloat(target.getShort(0)));
    }

    @Test
    void convertsARangeFromTheMiddle() {
        ByteBuffer source = buffer(5 * 8);
        for (int i = 0; i < 5; i++) {
            source.putLong(i * 8, 10L * i);
        }
        ByteBuffer target = buffer(2 * 4);
        Elements.convert(source, DType.I64, 2, 2, target, DType.F32);
        assertEquals(20f, target.getFloat(0));
        assertEquals(30f, target.getFloat(4));
    }

    private static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
