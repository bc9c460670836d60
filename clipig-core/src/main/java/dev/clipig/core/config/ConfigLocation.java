package dev.clipig.core.config;

/**
 * Where in a config something stands: the file (or other source) name, the YAML path such as
 * {@code targets[0].transforms[2].random_rotate.degree} and the 1-based line (0 for values set in code).
 */
public record ConfigLocation(String source, String path, int line) {

    static ConfigLocation root(String source) {
        return new ConfigLocation(source, "", 1);
    }

    /** The location of a mapping key below this one. */
    ConfigLocation key(String key, int line) {
        return new ConfigLocation(source, path.isEmpty() ? key : path + "." + key, line);
    }

    /** The location of a list item below this one. */
    ConfigLocation item(int index, int line) {
        return new ConfigLocation(source, path + "[" + index + "]", line);
    }

    /** The same path in another file, for a value merged in from it. */
    ConfigLocation inSource(String newSource) {
        return new ConfigLocation(newSource, path, line);
    }

    ConfigLocation atLine(int newLine) {
        return new ConfigLocation(source, path, newLine);
    }

    /** A value set in code rather than read from a file. */
    static ConfigLocation programmatic(String source, String path) {
        return new ConfigLocation(source, path, 0);
    }

    /** {@code source:line: path}, the prefix of every config error. */
    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line : "") + (path.isEmpty() ? "" : ": " + path);
    }
}
