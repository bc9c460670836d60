package dev.clipig.experiments;

import java.util.regex.Pattern;

/**
 * "An animal made of a thing": one cell of the concept-transfer grid. Names are lower-case words;
 * a thing of several words joins them with hyphens ({@code coral-reef}), an animal is one word, so
 * that the file name {@code <animal>-<thing>.png} splits back at its first hyphen.
 */
public record Concept(String animal, String thing) {
    private static final Pattern ANIMAL = Pattern.compile("[a-z]+");
    private static final Pattern THING = Pattern.compile("[a-z]+(-[a-z]+)*");

    public Concept {
        if (animal == null || !ANIMAL.matcher(animal).matches()) {
            throw new ExperimentException("animal '" + animal + "' is not one lower-case word");
        }
        if (thing == null || !THING.matcher(thing).matches()) {
            throw new ExperimentException("thing '" + thing + "' is not lower-case words joined by hyphens");
        }
    }

    /** The text the image is drawn towards: hyphens are spaces again. */
    public String prompt() {
        return "a " + animal + " made of " + thing.replace('-', ' ');
    }

    /** The image's file name in a method's folder. */
    public String fileName() {
        return animal + "-" + thing + ".png";
    }
}
