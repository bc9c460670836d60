package dev.clipig.experiments;

import dev.clipig.clip.ClipModel;
import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.render.RenderListener;
import dev.clipig.core.render.RenderResult;
import dev.clipig.core.render.Renderer;
import dev.clipig.io.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Best of N: render a prompt with N seeds for a few epochs each, rank the seeds by the similarity
 * they reached, and render the best k for the method's full number of epochs. Writes
 * {@code <results>/rank/<name>/run-<i>.png} per run and {@code ranking.csv} ({@link RankedSeed#CSV_HEADER}),
 * rewritten after every run so that a stopped ranking still shows what it found.
 *
 * <p>The short run is the method's whole schedule in a few epochs, not the first few epochs of the
 * full one: resolution, blur windows and noise all follow the training time {@code t = epoch/epochs},
 * and early in a full schedule (method 2 starts at 8 pixels) the similarity says little about the
 * image a seed will become. A chosen seed's full run therefore starts again from the same seed,
 * hence the same initial noise, with the full epoch count; the renderer could not continue the
 * short run's checkpoint anyway, since a checkpoint resumes only the epoch count that wrote it.
 */
public final class BestOfN {

    /** The two passes of a ranking. */
    public enum Stage { SHORT, FULL }

    private final Path resultsDir;
    private final String name;
    private final Method shortMethod;
    private final Method fullMethod;
    private final String prompt;
    private final int runs;
    private final int best;
    private final long firstSeed;
    private final RankListener listener;

    private BestOfN(Builder b) {
        this.resultsDir = b.resultsDir;
        this.name = FolderName.check("ranking name", b.name);
        Method method = Objects.requireNonNull(b.method, "method");
        int epochs = method.config().epochs();
        if (b.runs < 1) throw new ExperimentException("runs must be at least 1, got " + b.runs);
        if (b.best < 1 || b.best > b.runs) {
            throw new ExperimentException("best must be between 1 and the runs (" + b.runs + "), got " + b.best);
        }
        if (b.shortEpochs < 1 || b.shortEpochs >= epochs) {
            throw new ExperimentException("short epochs must be between 1 and the full run's " + (epochs - 1)
                    + ", got " + b.shortEpochs);
        }
        this.fullMethod = method;
        this.shortMethod = method.withEpochs(b.shortEpochs);
        this.prompt = b.prompt;
        method.forPrompt(prompt); // refuses an empty prompt before anything runs
        this.runs = b.runs;
        this.best = b.best;
        this.firstSeed = b.firstSeed;
        this.listener = b.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The ranking's name, its folder under {@code rank/}. */
    public String name() {
        return name;
    }

    /** The folder {@link #run} writes; needs the results folder. */
    public Path dir() {
        return Objects.requireNonNull(resultsDir, "resultsDir").resolve("rank").resolve(name);
    }

    /** Renders every seed briefly and the best fully; returns the runs best first, as the CSV lists them. */
    public List<RankedSeed> run(ClipModel model) {
        Objects.requireNonNull(model, "model");
        Path dir = dir();
        createDirectory(dir);
        List<RankedSeed> ranked = new ArrayList<>();
        for (RankedSeed run : shortRuns()) {
            RenderResult result = render(model, config(Stage.SHORT), run.seed(), dir.resolve(run.run() + ".png"),
                    step -> { });
            RankedSeed ranking = run.withShort(result.lastStep().meanSimilarity());
            ranked.add(ranking);
            writeCsv(dir, ranked);
            listener.onRun(Stage.SHORT, ranking, result.seconds());
        }
        for (RankedSeed run : best(ranked)) {
            RenderResult result = render(model, config(Stage.FULL), run.seed(), dir.resolve(run.run() + ".png"),
                    step -> { });
            RankedSeed continued = run.withFull(result.lastStep().meanSimilarity());
            ranked.set(ranked.indexOf(run), continued);
            writeCsv(dir, ranked);
            listener.onRun(Stage.FULL, continued, result.seconds());
        }
        ranked.sort(RankedSeed.BEST_FIRST);
        return List.copyOf(ranked);
    }

    /** The runs to try, {@code run-<i>} with seed {@code firstSeed + i}, their similarities not yet known. */
    public List<RankedSeed> shortRuns() {
        List<RankedSeed> list = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            list.add(new RankedSeed("run-" + i, firstSeed + i, Double.NaN, OptionalDouble.empty()));
        }
        return List.copyOf(list);
    }

    /** The runs to continue to full length: the best by their short run's similarity. */
    public List<RankedSeed> best(List<RankedSeed> shortRuns) {
        return shortRuns.stream().sorted(Comparator.comparingDouble(RankedSeed::simShort).reversed()).limit(best)
                .toList();
    }

    /** The method of a stage: its schedule in the short run's epochs, or in full. */
    public Method method(Stage stage) {
        return stage == Stage.SHORT ? shortMethod : fullMethod;
    }

    /** The prompt every run draws towards. */
    public String prompt() {
        return prompt;
    }

    /** The config a run of the stage renders. */
    public ClipigConfig config(Stage stage) {
        return method(stage).forPrompt(prompt);
    }

    /**
     * One run of a ranking, of either stage, into {@code png}: the unit a cluster job spreads over
     * machines, as {@link #run} renders it here.
     */
    public static RenderResult render(ClipModel model, ClipigConfig config, long seed, Path png,
                                      RenderListener listener) {
        RenderResult result = Renderer.builder().config(config).model(model).seed(seed).output(png)
                .listener(listener).build().run();
        try {
            // Neither pass resumes, so the checkpoint a run leaves is of no further use.
            Files.deleteIfExists(Renderer.checkpointOf(png));
        } catch (IOException e) {
            throw new ExperimentException("cannot delete " + Renderer.checkpointOf(png) + ": " + e.getMessage(), e);
        }
        return result;
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ExperimentException("cannot create the folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void writeCsv(Path dir, List<RankedSeed> ranked) {
        // Whoever reads the CSV meanwhile (the gallery) sees the old table or the new one, never half.
        OutputFile.writeText(dir.resolve("ranking.csv"), RankedSeed.csv(ranked));
    }

    /** Options of a ranking; name, method and prompt are required, and the results folder to {@link #run} it. */
    public static final class Builder {
        private Path resultsDir;
        private String name;
        private Method method;
        private String prompt;
        private int runs = 8;
        private int best = 2;
        private int shortEpochs = 20;
        private long firstSeed;
        private RankListener listener = (stage, run, seconds) -> { };

        public Builder resultsDir(Path value) {
            this.resultsDir = value;
            return this;
        }

        /** The ranking's folder under {@code rank/}. */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** The method; its epochs are the full run's. */
        public Builder method(Method value) {
            this.method = value;
            return this;
        }

        public Builder prompt(String value) {
            this.prompt = value;
            return this;
        }

        /** How many seeds to try (default 8). */
        public Builder runs(int value) {
            this.runs = value;
            return this;
        }

        /** How many of them to render fully (default 2). */
        public Builder best(int value) {
            this.best = value;
            return this;
        }

        /** The epochs of each short run (default 20). */
        public Builder shortEpochs(int value) {
            this.shortEpochs = value;
            return this;
        }

        /** Run {@code i} uses seed {@code firstSeed + i} (default 0). */
        public Builder firstSeed(long value) {
            this.firstSeed = value;
            return this;
        }

        public Builder listener(RankListener value) {
            this.listener = Objects.requireNonNull(value);
            return this;
        }

        public BestOfN build() {
            return new BestOfN(this);
        }
    }
}
