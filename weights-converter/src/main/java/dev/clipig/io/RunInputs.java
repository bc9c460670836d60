package dev.clipig.io;

import dev.clipig.ClipigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a run reads, each with the name the user gave it ({@code --texts-file}, "the config"), so
 * that no output of the run lands on one of them: {@code convert m.pt m.pt} or {@code embed
 * --texts-file t.txt --out t.txt} would otherwise replace the input with the output. An output is
 * the same file as an input when both name one path or, through links (symbolic or hard), one file.
 */
public final class RunInputs {
    private final Map<Path, String> roles;

    private RunInputs(Map<Path, String> roles) {
        this.roles = Map.copyOf(roles);
    }

    public static RunInputs none() {
        return new RunInputs(Map.of());
    }

    /** These inputs and {@code file}, called {@code role} in messages; null adds nothing. */
    public RunInputs with(String role, Path file) {
        if (file == null) return this;
        Map<Path, String> more = new LinkedHashMap<>(roles);
        more.putIfAbsent(absolute(file), role);
        return new RunInputs(more);
    }

    /** {@link #with(String, Path)} for a path the user typed, which may not be a valid one. */
    public RunInputs with(String role, String file) {
        try {
            return file == null ? this : with(role, Path.of(file));
        } catch (InvalidPathException e) {
            return this;
        }
    }

    /**
     * @throws ClipigException naming the output and the input it would replace
     */
    public void refuseAsOutput(Path output) {
        Path candidate = absolute(output);
        roles.forEach((input, role) -> {
            if (sameFile(candidate, input)) {
                throw new ClipigException(output + ": is the " + role + " " + input
                        + " this run reads; writing there would replace it, so name another output");
            }
        });
    }

    private static boolean sameFile(Path output, Path input) {
        if (output.equals(input)) return true;
        try {
            return Files.exists(output) && Files.exists(input) && Files.isSameFile(output, input);
        } catch (IOException e) {
            // Unreadable attributes: the read or the write that follows reports it in its own words.
            return false;
        }
    }

    private static Path absolute(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
