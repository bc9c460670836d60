package dev.clipig.gallery;

import dev.clipig.experiments.Method;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The concept-transfer images of a results folder: {@code concept/<method>/<animal>-<thing>.png}.
 * Animals and things are whatever was rendered, in alphabetical order; an animal's name has no
 * hyphen, so the first hyphen ends it ({@code cat-coral-reef} is a cat made of coral reef).
 *
 * @param methods the method folders, in the order keys 1, 2, ... select them
 * @param images the paths present, relative to the results folder, with {@code /} separators
 */
record ConceptResults(List<String> methods, List<String> animals, List<String> things, Set<String> images) {

    /** The shipped methods, each a folder of its own. */
    static final List<String> METHODS = Method.shippedNames();

    ConceptResults {
        methods = List.copyOf(methods);
        animals = List.copyOf(animals);
        things = List.copyOf(things);
        images = Set.copyOf(images);
    }

    static ConceptResults scan(Path resultsDir) {
        Set<String> animals = new TreeSet<>();
        Set<String> things = new TreeSet<>();
        Set<String> images = new TreeSet<>();
        for (String method : METHODS) {
            Path dir = resultsDir.resolve("concept").resolve(method);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    if (!name.endsWith(".png")) continue;
                    String stem = name.substring(0, name.length() - ".png".length());
                    int hyphen = stem.indexOf('-');
                    if (hyphen <= 0 || hyphen == stem.length() - 1) continue;
                    String animal = stem.substring(0, hyphen);
                    String thing = stem.substring(hyphen + 1);
                    animals.add(animal);
                    things.add(thing);
                    images.add(path(method, animal, thing));
                }
            } catch (IOException e) {
                throw new GalleryException("cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        return new ConceptResults(METHODS, List.copyOf(animals), List.copyOf(things), images);
    }

    /** Where the image of an animal made of a thing by a method is, relative to the results folder. */
    static String path(String method, String animal, String thing) {
        return "concept/" + method + "/" + animal + "-" + thing + ".png";
    }

    /** The prompt the image was rendered from: hyphens in a thing's name are spaces. */
    static String prompt(String animal, String thing) {
        return "a " + animal + " made of " + thing.replace('-', ' ');
    }

    boolean isEmpty() {
        return images.isEmpty();
    }
}
