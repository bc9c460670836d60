package dev.clipig.weights;

import java.nio.file.Files;
import java.nio.file.Path;

/** The committed models of {@code fixtures/models}, found through the {@code clipig.fixtures} property. */
final class Fixtures {
    private Fixtures() {
    }

    static Path model(String file) {
        String root = System.getProperty("clipig.fixtures");
        if (root == null) {
            throw new IllegalStateException("system property clipig.fixtures is not set (surefire sets it)");
        }
        Path path = Path.of(root, "models", file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("missing fixture " + path + "; run /usr/bin/python3 fixtures/make_fixtures.py");
        }
        return path;
    }

    /** Model "a" of make_fixtures.py: the real vocabulary and context, resolution 64, patch 16. */
    static final ClipHyperParams A = new ClipHyperParams(32, 64, 2, 64, 1, 16, 77, 49408, 64, 1, 2);
    /** Model "b": every dimension different from "a". */
    static final ClipHyperParams B = new ClipHyperParams(48, 32, 2, 128, 2, 8, 16, 1024, 64, 1, 1);
}
