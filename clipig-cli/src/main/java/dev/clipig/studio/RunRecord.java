package dev.clipig.studio;

import dev.clipig.io.OutputFile;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What the studio knows of a run, kept in its folder as {@code run.properties}.
 *
 * @param id      the run's folder name under {@code runs/}
 * @param name    the config it ran, as the page named it
 * @param model   the CLIP model
 * @param seed    the render's seed
 * @param epochs  the config's epochs
 * @param done    the epochs finished
 * @param state   running, finished, stopped or failed (a run whose server ended reads "interrupted")
 * @param message why it failed, or empty
 * @param started when it started, ISO-8601 local time
 */
record RunRecord(String id, String name, String model, long seed, int epochs, int done, String state, String message,
                 String started) {
    static final String FILE = "run.properties";

    RunRecord with(int newDone, String newState, String newMessage) {
        return new RunRecord(id, name, model, seed, epochs, newDone, newState, newMessage, started);
    }

    Map<String, Object> json() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("name", name);
        fields.put("model", model);
        fields.put("seed", seed);
        fields.put("epochs", epochs);
        fields.put("done", done);
        fields.put("state", state);
        fields.put("message", message);
        fields.put("started", started);
        return fields;
    }

    /** Writes the record beside the run's files, replacing the old one at once. */
    void save(Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("name", name);
        p.setProperty("model", model);
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("epochs", Integer.toString(epochs));
        p.setProperty("done", Integer.toString(done));
        p.setProperty("state", state);
        p.setProperty("message", message);
        p.setProperty("started", started);
        StringWriter text = new StringWriter();
        p.store(text, "a clipig studio run");
        OutputFile.writeText(dir.resolve(FILE), text.toString());
    }

    /** The record of run {@code id} read from its file; a damaged one is an {@link IOException}. */
    static RunRecord load(String id, Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        try {
            return new RunRecord(id, p.getProperty("name", ""), p.getProperty("model", ""),
                    Long.parseLong(p.getProperty("seed", "0")), Integer.parseInt(p.getProperty("epochs", "0")),
                    Integer.parseInt(p.getProperty("done", "0")), p.getProperty("state", ""),
                    p.getProperty("message", ""), p.getProperty("started", ""));
        } catch (NumberFormatException e) {
            throw new IOException(file + ": not a number: " + e.getMessage());
        }
    }
}
