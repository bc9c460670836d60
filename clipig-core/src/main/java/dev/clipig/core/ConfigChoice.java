package dev.clipig.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum constant that a config names. Its spelling is its lower-case name; a constant that the
 * reference also spells otherwise overrides {@link #spellings()}, the first spelling being the
 * reference's own.
 */
public interface ConfigChoice {

    /** The enum constant's name, which every enum has. */
    String name();

    default List<String> spellings() {
        return List.of(name().toLowerCase(Locale.ROOT));
    }

    /** The choice that {@code text} spells, if any. */
    static <E extends Enum<E> & ConfigChoice> Optional<E> find(E[] choices, String text) {
        return Arrays.stream(choices).filter(c -> c.spellings().contains(text)).findFirst();
    }

    /** Every spelling of {@code choices}, in order, for messages. */
    static List<String> spellings(ConfigChoice[] choices) {
        return Arrays.stream(choices).flatMap(c -> c.spellings().stream()).toList();
    }
}
