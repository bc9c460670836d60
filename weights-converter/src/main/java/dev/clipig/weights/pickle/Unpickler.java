package dev.clipig.weights.pickle;

import dev.clipig.weights.WeightsException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pickle reader that builds plain data and never runs code.
 *
 * <p>It understands the binary opcodes of protocols 2 to 5 that PyTorch writes. Where Python's
 * unpickler would import a module, {@code GLOBAL} asks a {@link Globals} allow-list instead, and
 * {@code REDUCE}, {@code NEWOBJ} and {@code BUILD} act only on the stand-ins that list returned.
 * Values come out as {@code null}, {@link Boolean}, {@link Long}, {@link Double}, {@link String},
 * {@code byte[]}, {@link List} (tuples unmodifiable), {@link LinkedHashMap} and whatever the
 * allow-list and the persistent loader produce.
 *
 * <p>A hostile pickle can only make it fail in one line: the stack and the memo hold at most
 * {@value #MAX_ITEMS} values each, every opcode checks the types it acts on (APPEND to None or to
 * a tuple is refused, not cast), and dict keys must be hashable the way Python's are (no lists
 * or dicts), so no key's hash can recurse through a structure that contains itself. Values may
 * still nest deeply or in cycles; whoever walks them bounds the depth.
 */
public final class Unpickler {

    /** Resolves {@code module.name} to a stand-in, or returns null if it is not allowed. */
    @FunctionalInterface
    public interface Globals {
        Object resolve(String module, String name);
    }

    /** Turns a persistent id ({@code BINPERSID}) into the object it names, e.g. a tensor storage. */
    @FunctionalInterface
    public interface PersistentLoader {
        Object load(Object persistentId);
    }

    /** A stand-in that {@code REDUCE} may call. */
    @FunctionalInterface
    public interface Function {
        Object apply(List<Object> arguments);
    }

    /** A stand-in class that {@code NEWOBJ} may instantiate. */
    @FunctionalInterface
    public interface Type {
        Object instantiate(List<Object> arguments);
    }

    /** An object whose state {@code BUILD} may set. */
    @FunctionalInterface
    public interface Buildable {
        void setState(Object state);
    }

    private static final int HIGHEST_PROTOCOL = 5;
    /** Far above the few thousand values a CLIP checkpoint's pickle holds. */
    static final int MAX_ITEMS = 1 << 20;

    private final String source;
    private final ByteBuffer in;
    private final Globals globals;
    private final PersistentLoader persistentLoader;
    private final List<Object> stack = new ArrayList<>();
    private final Deque<Integer> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private Unpickler(String source, ByteBuffer data, Globals globals, PersistentLoader persistentLoader) {
        this.source = source;
        this.in = data.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.globals = globals;
        this.persistentLoader = persistentLoader;
    }

    /**
     * Reads the object pickled in {@code data}; {@code source} names it in error messages.
     *
     * @throws WeightsException if the pickle is malformed, uses an unsupported opcode or names a
     *     global the allow-list refuses
     */
    public static Object load(String source, ByteBuffer data, Globals globals, PersistentLoader persistentLoader) {
        return new Unpickler(source, data, globals, persistentLoader).run();
    }

    private Object run() {
        while (true) {
            if (!in.hasRemaining()) {
                throw corrupt("ends without a STOP opcode");
            }
            int at = in.position();
            int opcode = in.get() & 0xff;
            try {
                if (opcode == '.') {
                    if (stack.size() != 1 || !marks.isEmpty()) {
                        throw corrupt("stops with " + stack.size() + " values on the stack");
                    }
                    return stack.get(0);
                }
                execute(opcode);
            } catch (BufferUnderflowException e) {
                throw corrupt("ends inside the opcode at byte " + at);
            } catch (IllegalArgumentException e) {
                // Thrown by this reader and its stand-ins with messages written for users.
                throw new WeightsException(source + ": pickle opcode at byte " + at + ": " + e.getMessage(), e);
            }
        }
    }

    private void execute(int opcode) {
        switch (opcode) {
            case 0x80 -> { // PROTO
                int protocol = u8();
                if (protocol > HIGHEST_PROTOCOL) {
                    throw corrupt("uses pickle protocol " + protocol);
                }
            }
            case 0x95 -> skip(8); // FRAME: framing is only a hint for buffered readers
            case '(' -> marks.push(stack.size()); // MARK
            case '0' -> { // POP
                if (!marks.isEmpty() && marks.peek() == stack.size()) {
                    marks.pop();
                } else {
                    pop();
                }
            }
            case '1' -> popToMark(); // POP_MARK
            case '2' -> push(peek()); // DUP
            case 'N' -> push(null);
            case 0x88 -> push(Boolean.TRUE);
            case 0x89 -> push(Boolean.FALSE);
            case 'J' -> push((long) in.getInt()); // BININT
            case 'K' -> push((long) u8()); // BININT1
            case 'M' -> push((long) (in.getShort() & 0xffff)); // BININT2
            case 0x8a -> push(longOf(u8())); // LONG1
            case 0x8b -> push(longOf(length(in.getInt()))); // LONG4
            case 'G' -> push(Double.longBitsToDouble(Long.reverseBytes(in.getLong()))); // BINFLOAT is big-endian
            case 'X' -> push(utf8(length(in.getInt()))); // BINUNICODE
            case 0x8c -> push(utf8(u8())); // SHORT_BINUNICODE
            case 0x8d -> push(utf8(length(in.getLong()))); // BINUNICODE8
            case 'T' -> push(new String(bytes(length(in.getInt())), StandardCharsets.ISO_8859_1)); // BINSTRING
            case 'U' -> push(new String(bytes(u8()), StandardCharsets.ISO_8859_1)); // SHORT_BINSTRING
            case 'B' -> push(bytes(length(in.getInt()))); // BINBYTES
            case 'C' -> push(bytes(u8())); // SHORT_BINBYTES
            case 0x8e -> push(bytes(length(in.getLong()))); // BINBYTES8
            case ')' -> push(List.of()); // EMPTY_TUPLE
            case 't' -> push(tuple(popToMark())); // TUPLE
            case 0x85 -> push(tuple(popN(1))); // TUPLE1
            case 0x86 -> push(tuple(popN(2))); // TUPLE2
            case 0x87 -> push(tuple(popN(3))); // TUPLE3
            case ']' -> push(new ArrayList<>()); // EMPTY_LIST
            case 'l' -> push(new ArrayList<>(popToMark())); // LIST
            case 'a' -> { // APPEND
                Object value = pop();
                list(peek(), "APPEND").add(value);
            }
            case 'e' -> { // APPENDS
                List<Object> values = popToMark();
                list(peek(), "APPENDS").addAll(values);
            }
            case '}' -> push(new LinkedHashMap<>()); // EMPTY_DICT
            case 'd' -> { // DICT
                Map<Object, Object> dict = new LinkedHashMap<>();
                putPairs(dict, popToMark());
                push(dict);
            }
            case 's' -> { // SETITEM
                List<Object> pair = popN(2);
                putPairs(as(Map.class, peek(), "SETITEM"), pair);
            }
            case 'u' -> { // SETITEMS
                List<Object> pairs = popToMark();
                putPairs(as(Map.class, peek(), "SETITEMS"), pairs);
            }
            case 'c' -> push(global(line(), line())); // GLOBAL
            case 0x93 -> { // STACK_GLOBAL
                List<Object> names = popN(2);
                push(global(as(String.class, names.get(0), "STACK_GLOBAL"),
                        as(String.class, names.get(1), "STACK_GLOBAL")));
            }
            case 'R' -> { // REDUCE
                List<Object> arguments = as(List.class, pop(), "REDUCE");
                push(as(Function.class, pop(), "REDUCE").apply(arguments));
            }
            case 0x81 -> { // NEWOBJ
                List<Object> arguments = as(List.class, pop(), "NEWOBJ");
                push(as(Type.class, pop(), "NEWOBJ").instantiate(arguments));
            }
            case 'b' -> build(pop(), peek()); // BUILD
            case 'Q' -> push(persistentLoader.load(pop())); // BINPERSID
            case 'q' -> memoize(u8()); // BINPUT
            case 'r' -> memoize(in.getInt() & 0xffffffffL); // LONG_BINPUT
            case 0x94 -> memoize(memo.size()); // MEMOIZE
            case 'h' -> push(memoized(u8())); // BINGET
            case 'j' -> push(memoized(in.getInt() & 0xffffffffL)); // LONG_BINGET
            default -> throw corrupt(String.format("uses the unsupported opcode 0x%02x", opcode));
        }
    }

    private Object global(String module, String name) {
        Object resolved = globals.resolve(module, name);
        if (resolved == null) {
            throw new WeightsException(source + ": the pickle names the disallowed global '" + module + "." + name
                    + "'; only tensor, storage and module types may appear in a weights file");
        }
        return resolved;
    }

    private void build(Object state, Object target) {
        if (target instanceof Buildable buildable) {
            buildable.setState(state);
        } else if (!(target instanceof Map)) {
            // A dict's BUILD state holds instance attributes (an OrderedDict's _metadata), not items.
            throw corrupt("applies BUILD to a " + describe(target));
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T as(Class<? super T> kind, Object value, String opcode) {
        if (!kind.isInstance(value)) {
            throw corrupt("applies " + opcode + " to a " + describe(value));
        }
        return (T) value;
    }

    /** A list APPEND may grow: one LIST or EMPTY_LIST made, not a tuple. */
    @SuppressWarnings("unchecked")
    private List<Object> list(Object value, String opcode) {
        if (!(value instanceof ArrayList<?>)) {
            throw corrupt("applies " + opcode + " to a " + describe(value));
        }
        return (List<Object>) value;
    }

    /** A value's type in Python's words, for messages: never the value, which may be huge or contain itself. */
    public static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof ArrayList<?>) {
            return "list";
        }
        if (value instanceof List<?>) {
            return "tuple";
        }
        if (value instanceof Map<?, ?>) {
            return "dict";
        }
        if (value instanceof byte[]) {
            return "bytes";
        }
        return switch (value.getClass().getSimpleName()) {
            case "Long" -> "int";
            case "Double" -> "float";
            case "String" -> "str";
            case "Boolean" -> "bool";
            default -> value.getClass().getSimpleName();
        };
    }

    private void putPairs(Map<Object, Object> dict, List<Object> flat) {
        if (flat.size() % 2 != 0) {
            throw corrupt("sets a dict from an odd number of items");
        }
        for (int i = 0; i < flat.size(); i += 2) {
            Object key = flat.get(i);
            if (!hashable(key, true)) {
                throw corrupt("uses an unhashable " + describe(key) + " as a dict key");
            }
            dict.put(key, flat.get(i + 1));
        }
    }

    /** Scalars, and tuples of scalars: enough for every key a checkpoint uses, and safe to hash. */
    private static boolean hashable(Object key, boolean tupleAllowed) {
        if (key == null || key instanceof String || key instanceof Long || key instanceof Double
                || key instanceof Boolean || key instanceof byte[]) {
            return true;
        }
        return tupleAllowed && key instanceof List<?> tuple && !(key instanceof ArrayList<?>)
                && tuple.stream().allMatch(item -> hashable(item, false));
    }

    private static List<Object> tuple(List<Object> items) {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    private Object memoized(long key) {
        if (!memo.containsKey(key)) {
            throw corrupt("reads memo slot " + key + " before writing it");
        }
        return memo.get(key);
    }

    private void push(Object value) {
        if (stack.size() >= MAX_ITEMS) {
            throw corrupt("holds more than " + MAX_ITEMS + " values on its stack");
        }
        stack.add(value);
    }

    private void memoize(long key) {
        if (memo.size() >= MAX_ITEMS && !memo.containsKey(key)) {
            throw corrupt("memoizes more than " + MAX_ITEMS + " values");
        }
        memo.put(key, peek());
    }

    private Object peek() {
        if (stack.size() <= (marks.isEmpty() ? 0 : marks.peek())) {
            throw corrupt("reads past a mark or an empty stack");
        }
        return stack.get(stack.size() - 1);
    }

    private Object pop() {
        Object value = peek();
        stack.remove(stack.size() - 1);
        return value;
    }

    private List<Object> popN(int count) {
        int floor = marks.isEmpty() ? 0 : marks.peek();
        if (stack.size() - count < floor) {
            throw corrupt("pops " + count + " values from a stack that holds fewer");
        }
        return popFrom(stack.size() - count);
    }

    private List<Object> popToMark() {
        if (marks.isEmpty()) {
            throw corrupt("pops to a mark that was never set");
        }
        return popFrom(marks.pop());
    }

    private List<Object> popFrom(int start) {
        List<Object> top = stack.subList(start, stack.size());
        List<Object> values = new ArrayList<>(top);
        top.clear();
        return values;
    }

    private int u8() {
        return in.get() & 0xff;
    }

    private int length(long declared) {
        if (declared < 0 || declared > in.remaining()) {
            throw corrupt("declares " + declared + " bytes where " + in.remaining() + " remain");
        }
        return (int) declared;
    }

    private void skip(int count) {
        in.position(in.position() + length(count));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[length(count)];
        in.get(bytes);
        return bytes;
    }

    private String utf8(int count) {
        return new String(bytes(count), StandardCharsets.UTF_8);
    }

    private String line() {
        StringBuilder text = new StringBuilder();
        for (int c = u8(); c != '\n'; c = u8()) {
            text.append((char) c);
        }
        return text.toString();
    }

    /** A little-endian two's complement integer of {@code count} bytes, as LONG1 and LONG4 store it. */
    private long longOf(int count) {
        byte[] bytes = bytes(count);
        if (count > Long.BYTES) {
            throw corrupt("holds a " + count + "-byte integer");
        }
        long value = count == 0 ? 0 : bytes[count - 1]; // sign-extends the top byte
        for (int i = count - 2; i >= 0; i--) {
            value = value << 8 | (bytes[i] & 0xff);
        }
        return value;
    }

    private WeightsException corrupt(String detail) {
        return new WeightsException(source + ": corrupt or unsupported pickle: it " + detail);
    }
}
