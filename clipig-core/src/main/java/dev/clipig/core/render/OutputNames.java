package dev.clipig.core.render;

import dev.clipig.core.config.ClipigConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference's output naming: {@code output} is a directory (ending in {@code /}) that gets
 * the config file's name with {@code .png}, or a {@code .png} file name; if that file exists, a
 * number is attached ({@code name-1.png}, or an existing number is increased).
 */
public final class OutputNames {
    private OutputNames() {
    }

    static Path forConfig(ClipigConfig config) {
        String output = config.output();
        Path file;
        if (output.endsWith("/") || output.isEmpty()) {
            String base = Path.of(config.sourceName()).getFileName().toString().replaceFirst("\\.[^.]*$", "");
            file = Path.of(output.isEmpty() ? "." : output).resolve(base + ".png");
        } else {
            file = Path.of(output);
        }
        return firstFree(file);
    }

    /** {@code file} if it does not exist, else the first free numbered name beside it, as CLIPig numbers. */
    public static Path firstFree(Path file) {
        if (!Files.exists(file)) return file;
        String name = file.getFileName().toString().replaceFirst("\\.png$", "");
        java.util.regex.Matcher numbered = java.util.regex.Pattern.compile("(.*)-(\\d+)$").matcher(name);
        String stem = numbered.matches() ? numbered.group(1) : name;
        int n = numbered.matches() ? Integer.parseInt(numbered.group(2)) : 0;
        Path candidate;
        do {
            candidate = file.resolveSibling(stem + "-" + ++n + ".png");
        } while (Files.exists(candidate));
        return candidate;
    }
}
