package dev.clipig.weights.pickle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.weights.WeightsException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnpicklerTest {
    private static final Unpickler.Globals NOTHING_ALLOWED = (module, name) -> null;
    private static final Unpickler.PersistentLoader NO_PERSISTENCE = id -> {
        throw new AssertionError("no persistent ids here");
    };

    /** Hand-assembled protocol 2 pickle of {'a': (1, -2, 2.5, 'é'), 'b': [300, None, True, <memo of the tuple>]}. */
    @Test
    void decodesPlainData() {
        Pickle p = new Pickle().op(0x80, 2).op('}').op('(')
                .unicode("a").op('(').op('K', 1).op(0x8a, 1, 0xfe).op('G').bigEndianDouble(2.5).unicode("é").op('t')
                .op('q', 7)
                .unicode("b").op(']').op('(').op('M', 0x2c, 0x01).op('N').op(0x88).op('h', 7).op('e')
                .op('u').op('.');
        Object value = Unpickler.load("test", p.buffer(), NOTHING_ALLOWED, NO_PERSISTENCE);

        Map<?, ?> dict = (Map<?, ?>) value;
        List<?> tuple = (List<?>) dict.get("a");
        assertEquals(List.of(1L, -2L, 2.5, "é"), tuple);
        List<?> list = (List<?>) dict.get("b");
        assertEquals(300L, list.get(0));
        assertEquals(null, list.get(1));
        assertEquals(Boolean.TRUE, list.get(2));
        assertSame(tuple, list.get(3), "memo returns the same object");
    }

    @Test
    void refusesAGlobalOffTheAllowList() {
        Pickle p = new Pickle().op(0x80, 2).ascii("cposix\nsystem\n").unicode("id").op(0x85).op('R').op('.');
        WeightsException e = assertThrows(WeightsException.class,
                () -> Unpickler.load("evil.pkl", p.buffer(), NOTHING_ALLOWED, NO_PERSISTENCE));
        assertTrue(e.getMessage().startsWith("evil.pkl: "), e.getMessage());
        assertTrue(e.getMessage().contains("'posix.system'"), e.getMessage());
    }

    @Test
    void refusesAStackGlobalOffTheAllowList() {
        Pickle p = new Pickle().op(0x80, 4).unicode("builtins").unicode("eval").op(0x93).op('.');
        WeightsException e = assertThrows(WeightsException.class,
                () -> Unpickler.load("evil.pkl", p.buffer(), NOTHING_ALLOWED, NO_PERSISTENCE));
        assertTrue(e.getMessage().contains("'builtins.eval'"), e.getMessage());
    }

    @Test
    void callsOnlyTheStandInsTheAllowListReturns() {
        Unpickler.Function pair = arguments -> "called with " + arguments;
        Pickle p = new Pickle().op(0x80, 2).ascii("cmath\npair\n").op('K', 4).op(0x85).op('R').op('.');
        Object value = Unpickler.load("ok.pkl", p.buffer(), (module, name) -> pair, NO_PERSISTENCE);
        assertEquals("called with [4]", value);
    }

    @Test
    void reportsATruncatedPickle() {
        Pickle p = new Pickle().op(0x80, 2).op('X').ascii("\u00ff\u0000\u0000\u0000abc");
        WeightsException e = assertThrows(WeightsException.class,
                () -> Unpickler.load("cut.pkl", p.buffer(), NOTHING_ALLOWED, NO_PERSISTENCE));
        assertTrue(e.getMessage().startsWith("cut.pkl: corrupt"), e.getMessage());
    }

    @Test
    void reportsAnUnsupportedOpcode() {
        Pickle p = new Pickle().op(0x80, 2).ascii("I42\n").op('.');
        WeightsException e = assertThrows(WeightsException.class,
                () -> Unpickler.load("old.pkl", p.buffer(), NOTHING_ALLOWED, NO_PERSISTENCE));
        assertTrue(e.getMessage().contains("unsupported opcode 0x49"), e.getMessage());
    }

    @Test
    void refusesAppendToNoneOrATupleWithoutJavaText() {
        assertRefused(new Pickle().op(0x80, 2).op('N').op('K', 1).op('a').op('.'), "applies APPEND to a None");
        assertRefused(new Pickle().op(0x80, 2).op(')').op('K', 1).op('a').op('.'), "applies APPEND to a tuple");
        assertRefused(new Pickle().op(0x80, 2).op('K', 1).op('K', 1).op('K', 1).op('s').op('.'),
                "applies SETITEM to a int");
    }

    @Test
    void refusesAListAsADictKey() {
        assertRefused(new Pickle().op(0x80, 2).op('}').op(']').op('K', 1).op('s').op('.'),
                "unhashable list as a dict key");
    }

    @Test
    void boundsTheStack() {
        Pickle p = new Pickle().op(0x80, 2);
        for (int i = 0; i <= Unpickler.MAX_ITEMS; i++) {
            p.op('N');
        }
        assertRefused(p.op('.'), "more than " + Unpickler.MAX_ITEMS + " values on its stack");
    }

    private static void assertRefused(Pickle p, String expected) {
        WeightsException e = assertThrows(WeightsException.class,
                () -> Unpickler.load("bad.pkl", p.buffer(), NOTHING_ALLOWED, NO_PERSISTENCE));
        assertTrue(e.getMessage().startsWith("bad.pkl: ") && e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("java."), e.getMessage());
    }

    /** A pickle written opcode by opcode. */
    private static final class Pickle {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Pickle op(int... values) {
            for (int value : values) {
                bytes.write(value);
            }
            return this;
        }

        Pickle ascii(String text) {
            bytes.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        Pickle unicode(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            op('X', utf8.length, 0, 0, 0);
            bytes.writeBytes(utf8);
            return this;
        }

        Pickle bigEndianDouble(double value) {
            bytes.writeBytes(ByteBuffer.allocate(8).putDouble(value).array());
            return this;
        }

        ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes.toByteArray());
        }
    }
}
