package dev.clipig.studio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runs of a workspace, one folder each under {@code runs/}, named by start time and config:
 * {@code run.properties} (the {@link RunRecord}), {@code config.yaml} as it ran, {@code steps.jsonl}
 * (one {@link StepPoint} a line) and {@code image.png}, the latest image.
 */
final class RunStore {
    static final String CONFIG = "config.yaml";
    static final String STEPS = "steps.jsonl";
    static final String IMAGE = "image.png";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final int MAX_LISTED = 200;

    private final Workspace workspace;

    RunStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** A new, empty run folder for this config; its name is the run's id. */
    Path create(String configName, LocalDateTime now) throws IOException {
        Path runs = workspace.resolve(Workspace.RUNS);
        Files.createDirectories(runs);
        String stem = Path.of(configName).getFileName().toString().replaceFirst("\\.ya?ml$", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String base = STAMP.format(now) + (stem.isEmpty() ? "" : "-" + stem);
        for (int n = 1; ; n++) {
            try {
                return Files.createDirectory(runs.resolve(n == 1 ? base : base + "-" + n));
            } catch (FileAlreadyExistsException e) {
                // two runs in one second: number the second
            }
        }
    }

    /** The runs, newest first; folders without a readable record are skipped. */
    List<RunRecord> list() throws IOException {
        Path runs = workspace.resolve(Workspace.RUNS);
        if (!Files.isDirectory(runs)) return List.of();
        List<RunRecord> records = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runs)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).limit(MAX_LISTED).toList()) {
                String id = dir.getFileName().toString();
                try {
                    records.add(record(id));
                } catch (IOException | RequestException e) {
                    // not a run of the studio, or one whose record was damaged or leads outside: not listed
                }
            }
        }
        return records;
    }

    /** The folder of an existing run, its id checked to be a plain folder name inside the workspace. */
    Path dir(String id) {
        if (!ID.matcher(id).matches()) throw RequestException.badRequest("not a run id: " + id);
        Path dir = workspace.resolve(Workspace.RUNS + "/" + id);
        if (!Files.isDirectory(dir)) throw RequestException.notFound("no such run: " + id);
        return dir;
    }

    /** A file of an existing run, confined to the workspace like any path from the page. */
    Path file(String id, String name) {
        return workspace.resolve(Workspace.RUNS + "/" + dir(id).getFileName() + "/" + name);
    }

    RunRecord record(String id) throws IOException {
        Path file = file(id, RunRecord.FILE);
        if (!Files.isRegularFile(file)) throw RequestException.notFound("no such run: " + id);
        return RunRecord.load(id, file);
    }

    /** The run's steps as stored, one JSON object each; a line cut short by a killed server is left out. */
    List<String> steps(String id) throws IOException {
        Path file = file(id, STEPS);
        if (!Files.isRegularFile(file)) return List.of();
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("{") && line.endsWith("}")).toList();
    }
}
