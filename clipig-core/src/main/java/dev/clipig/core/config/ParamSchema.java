package dev.clipig.core.config;

import dev.clipig.core.ConfigChoice;

import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The declaration of one parameter of a transform or constraint, from the reference: its name, element
 * type, the list lengths it takes (none for a single number; a single value is copied to the shortest
 * length), its default, and the range its values must lie in.
 *
 * @param name     the YAML key
 * @param type     element type
 * @param lengths  accepted list lengths; empty for a single number or a text
 * @param defaults the default elements, or {@code null} when the parameter has no default
 * @param textDefault default of a {@link Type#TEXT} parameter
 * @param options  the values a {@link Type#TEXT} parameter accepts
 * @param optional whether the parameter may stay unset (no default, not required)
 * @param check    the range of each (converted) element
 */
public record ParamSchema(String name, Type type, List<Integer> lengths, List<Double> defaults,
                          String textDefault, List<String> options, boolean optional, ValueCheck check) {

    public enum Type { INT, FLOAT, TEXT }

    public ParamSchema {
        lengths = List.copyOf(lengths);
        defaults = defaults == null ? null : List.copyOf(defaults);
        options = List.copyOf(options);
    }

    /** A required int parameter; {@code lengths} empty for a single int. */
    public static ParamSchema ints(String name, Integer... lengths) {
        return new ParamSchema(name, Type.INT, List.of(lengths), null, null, List.of(), false, ValueCheck.ANY);
    }

    /** A required float parameter; {@code lengths} empty for a single float. */
    public static ParamSchema floats(String name, Integer... lengths) {
        return new ParamSchema(name, Type.FLOAT, List.of(lengths), null, null, List.of(), false, ValueCheck.ANY);
    }

    /** A text parameter with a default and its accepted values. */
    private static ParamSchema text(String name, String defaultValue, String... options) {
        return new ParamSchema(name, Type.TEXT, List.of(), null, defaultValue, List.of(options), false,
                ValueCheck.ANY);
    }

    /** A text parameter that names a constant of {@code defaultValue}'s enum, by default that one. */
    public static <E extends Enum<E> & ConfigChoice> ParamSchema choice(String name, E defaultValue) {
        List<String> spellings = ConfigChoice.spellings(defaultValue.getDeclaringClass().getEnumConstants());
        return text(name, defaultValue.spellings().get(0), spellings.toArray(String[]::new));
    }

    public ParamSchema withDefault(double... values) {
        return new ParamSchema(name, type, lengths, Arrays.stream(values).boxed().toList(),
                textDefault, options, optional, check);
    }

    /** May be left out, with no default (e.g. blur's {@code sigma}). */
    public ParamSchema asOptional() {
        return new ParamSchema(name, type, lengths, defaults, textDefault, options, true, check);
    }

    public ParamSchema checked(ValueCheck newCheck) {
        return new ParamSchema(name, type, lengths, defaults, textDefault, options, optional, newCheck);
    }

    public boolean isList() {
        return !lengths.isEmpty();
    }

    public boolean isRequired() {
        return !optional && defaults == null && textDefault == null;
    }

    /** "a number", "a list of 1 or 2 ints", for messages. */
    String describe() {
        if (type == Type.TEXT) {
            return "one of " + String.join(", ", options);
        }
        String element = type == Type.INT ? "int" : "number";
        if (!isList()) {
            return type == Type.INT ? "an int" : "a number";
        }
        SortedSet<Integer> accepted = new TreeSet<>(lengths);
        accepted.add(1);
        return "a list of " + accepted.stream().map(String::valueOf)
                .collect(Collectors.joining(" or ")) + " " + element + "s";
    }
}
