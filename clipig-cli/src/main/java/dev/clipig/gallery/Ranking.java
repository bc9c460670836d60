package dev.clipig.gallery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One ranking experiment, {@code rank/<name>/ranking.csv} with the header
 * {@code run,seed,sim_short,sim_full} ({@code sim_full} empty for runs not continued) and an image
 * {@code rank/<name>/<run>.png} per run.
 *
 * @param csv the CSV relative to the results folder
 * @param runs best first
 */
record Ranking(String name, String csv, List<RankedRun> runs) {

    static final String HEADER = "run,seed,sim_short,sim_full";

    Ranking {
        runs = runs.stream().sorted(RankedRun.BEST_FIRST).toList();
    }

    /** The rankings under {@code rank/}, by name; folders without a CSV yet are left out. */
    static List<Ranking> readAll(Path resultsDir) {
        Path rankDir = resultsDir.resolve("rank");
        if (!Files.isDirectory(rankDir)) return List.of();
        try (var dirs = Files.list(rankDir)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("ranking.csv")))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .map(name -> read(resultsDir, name))
                    .toList();
        } catch (IOException e) {
            throw new GalleryException("cannot list " + rankDir + ": " + e.getMessage(), e);
        }
    }

    static Ranking read(Path resultsDir, String name) {
        String csv = "rank/" + name + "/ranking.csv";
        Path file = resultsDir.resolve(csv);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GalleryException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).strip().replace("\uFEFF", "").equals(HEADER)) {
            throw new GalleryException(file + " line 1: expected the header '" + HEADER + "'");
        }
        List<RankedRun> runs = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            runs.add(parse(resultsDir, name, file + " line " + (i + 1), lines.get(i).strip()));
        }
        return new Ranking(name, csv, runs);
    }

    private static RankedRun parse(Path resultsDir, String name, String where, String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != 4) {
            throw new GalleryException(where + ": expected 4 fields (" + HEADER + "), found " + fields.length);
        }
        String run = fields[0].strip();
        if (run.isEmpty()) throw new GalleryException(where + ": empty run id");
        long seed;
        try {
            seed = Long.parseLong(fields[1].strip());
        } catch (NumberFormatException e) {
            throw new GalleryException(where + ": seed '" + fields[1] + "' is not a whole number");
        }
        String full = fields[3].strip();
        String image = "rank/" + name + "/" + run + ".png";
        return new RankedRun(run, seed, similarity(where, "sim_short", fields[2]),
                full.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(similarity(where, "sim_full", full)),
                Files.isRegularFile(resultsDir.resolve(image)) ? image : null);
    }

    private static double similarity(String where, String column, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) return value;
        } catch (NumberFormatException e) {
            // reported below, with the column
        }
        throw new GalleryException(where + ": " + column + " '" + text + "' is not a number");
    }

    /** The {@code n} best runs. */
    List<RankedRun> best(int n) {
        return runs.subList(0, Math.min(n, runs.size()));
    }

    /** The {@code n} worst runs not among the {@code n} best, worst last. */
    List<RankedRun> worst(int n) {
        int from = Math.max(Math.min(n, runs.size()), runs.size() - n);
        return runs.subList(from, runs.size());
    }
}
