package dev.clipig.studio;

import dev.clipig.io.OutputFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one folder the studio reads and writes. Every path from the page is relative to it and is
 * checked twice: as text (not absolute, no {@code ..} above the workspace) and on the file system
 * (the real path of the part that exists, symbolic links followed, lies inside), so neither a
 * crafted name nor a link placed in the workspace reaches a file outside it.
 */
final class Workspace {
    /** Where the studio keeps its runs; not a place for configs. */
    static final String RUNS = "runs";
    private static final int MAX_CONFIGS = 1000;
    private static final int MAX_DEPTH = 4;

    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    /** The workspace at {@code dir}, made if missing. */
    static Workspace open(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new Workspace(dir.toRealPath());
    }

    Path root() {
        return root;
    }

    /** The file a relative path names, which may not exist yet; refused if it would lie outside. */
    Path resolve(String relative) {
        if (relative.isBlank()) throw RequestException.badRequest("empty path");
        Path given;
        try {
            given = Path.of(relative);
        } catch (InvalidPathException e) {
            throw RequestException.badRequest("not a file path: " + relative);
        }
        if (given.isAbsolute() || relative.startsWith("/") || relative.startsWith("\\")) {
            throw RequestException.forbidden("outside the workspace (paths are relative to it): " + relative);
        }
        Path lexical = root.resolve(given).normalize();
        if (!lexical.startsWith(root)) throw RequestException.forbidden("outside the workspace: " + relative);
        Path existing = lexical;
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            throw RequestException.forbidden("a link that leads nowhere: " + relative);
        }
        if (!real.startsWith(root)) {
            throw RequestException.forbidden("outside the workspace (through a symbolic link): " + relative);
        }
        return real.resolve(existing.relativize(lexical));
    }

    /** The path of a file inside, as the page names it: relative, with forward slashes. */
    String relative(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** The YAML files of the workspace (outside {@code runs/}), sorted. */
    List<String> configs() throws IOException {
        try (Stream<Path> files = Files.walk(root, MAX_DEPTH)) {
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> isConfigName(f.getFileName().toString()))
                    .filter(f -> !root.relativize(f).startsWith(RUNS))
                    .map(this::relative).sorted().limit(MAX_CONFIGS).toList();
        }
    }

    String readConfig(String relative) throws IOException {
        return readText(configFile(relative), relative);
    }

    /** Replaces the file at once (written beside it, then moved), so no half-written config is ever seen. */
    void writeConfig(String relative, String text) throws IOException {
        Path file = configFile(relative);
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) throw RequestException.notFound("no such folder in the workspace: " + relative);
        if (Files.isDirectory(file)) throw RequestException.badRequest("a folder, not a file: " + relative);
        OutputFile.writeText(file, text);
    }

    /** Text of a file inside the workspace, checked to be a readable UTF-8 file of sensible size. */
    static String readText(Path file, String name) throws IOException {
        if (!Files.exists(file)) throw RequestException.notFound("no such file in the workspace: " + name);
        if (!Files.isRegularFile(file)) throw RequestException.badRequest("not a file: " + name);
        if (Files.size(file) > Request.MAX_BODY) throw new RequestException(413, "file too large: " + name);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw RequestException.badRequest("not UTF-8 text: " + name);
        }
    }

    private Path configFile(String relative) {
        Path file = resolve(relative);
        if (!isConfigName(file.getFileName().toString())) {
            throw RequestException.badRequest("configs end in .yaml or .yml: " + relative);
        }
        if (root.relativize(file).startsWith(RUNS)) {
            throw RequestException.forbidden("runs/ is the studio's own: " + relative);
        }
        return file;
    }

    private static boolean isConfigName(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
