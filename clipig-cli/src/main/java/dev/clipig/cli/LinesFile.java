package dev.clipig.cli;

import dev.clipig.io.InputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A UTF-8 text file an option names, one entry per line. */
final class LinesFile {
    private LinesFile() {
    }

    /**
     * @param option the option that named the file, for the error message
     * @throws BadInputException naming the option and file when it is missing or unreadable
     */
    static List<String> read(String option, Path file) {
        InputFile.fault(file).ifPresent(fault -> {
            throw new BadInputException(option + " " + file + ": " + fault);
        });
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(option + " " + file + ": cannot read: " + InputFile.describe(e));
        }
    }
}
