package dev.clipig.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where {@code clipig render} writes its image, by CLIPig's rules: the config's {@code output} is a
 * folder (ending in {@code /}, the default {@code ./}) that gets the last config file's name, or a
 * file name; {@code -o} replaces it, a folder keeping the name. The name is planned here; an
 * existing image is then numbered by {@code OutputNames.firstFree}, never replaced.
 */
final class ImageName {
    private ImageName() {
    }

    /**
     * The image to write, before numbering.
     *
     * @param configOutput the merged config's {@code output}
     * @param lastConfig   the last config file's name, or {@code -} for standard input
     * @param option       {@code -o}, or null
     */
    static Path planned(String configOutput, String lastConfig, String option) {
        String fromConfig = isFolder(configOutput)
                ? folder(configOutput) + stem(lastConfig) + ".png"
                : withPng(configOutput);
        if (option == null) return path(fromConfig, "output");
        // An empty -o is a script's unset variable more often than a wish for the current folder.
        if (option.isBlank()) throw new BadInputException("-o needs a file or a folder, not \"" + option + "\"");
        if (isFolder(option) || Files.isDirectory(path(option, "-o"))) {
            return path(option, "-o").resolve(path(fromConfig, "output").getFileName());
        }
        return path(withPng(option), "-o");
    }

    private static boolean isFolder(String name) {
        return name.isEmpty() || name.endsWith("/") || name.endsWith(java.io.File.separator);
    }

    private static String folder(String name) {
        return name.isEmpty() ? "./" : name;
    }

    /** The file name without folder and extension; standard input is called {@code output}, as in CLIPig. */
    private static String stem(String config) {
        if (config.equals("-")) return "output";
        String name = Path.of(config).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Adds {@code .png} to a name without extension; the only format written is PNG. */
    private static String withPng(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        if (!file.contains(".")) return name + ".png";
        if (!file.toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new BadInputException("output " + name + ": images are written as PNG; name it *.png");
        }
        return name;
    }

    private static Path path(String name, String what) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new BadInputException(what + " '" + name + "' is not a valid path: " + e.getReason());
        }
    }
}
