package dev.clipig.clip.models;

import java.io.IOException;
import java.io.InputStream;

/** Opens bundled resources by name; a seam so tests can bundle models of their own. */
@FunctionalInterface
public interface ResourceLookup {

    /** @return the resource's bytes, or {@code null} when there is no such resource */
    InputStream open(String name) throws IOException;

    /** The resources on the class path this library was loaded from. */
    static ResourceLookup classpath() {
        ClassLoader loader = ResourceLookup.class.getClassLoader();
        return loader::getResourceAsStream;
    }
}
