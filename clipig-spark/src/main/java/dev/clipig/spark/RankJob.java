package dev.clipig.spark;

import dev.clipig.clip.ClipModel;
import dev.clipig.cli.Main;
import dev.clipig.cli.ModelOption;
import dev.clipig.cli.RankOptions;
import dev.clipig.core.render.RenderResult;
import dev.clipig.experiments.BestOfN;
import dev.clipig.experiments.Method;
import dev.clipig.experiments.RankedSeed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clipig rank} on Spark, both stages in one job: the N short runs spread over the executors,
 * then the best K, by the short runs' similarity, continued to the method's full epochs. Writes what
 * the single-machine command writes, {@code rank/<name>/run-<i>.png} and {@code ranking.csv} (after
 * each stage), and the task rows of both stages with their results to
 * {@code spark/rank/<name>/results.parquet}. A run finished before, as its record under
 * {@code spark/rank/<name>/} says, is skipped, so a stopped job run again renders only what is missing.
 */
@Command(name = "rank", mixinStandardHelpOptions = true,
        description = {"Renders PROMPT with N seeds for a few epochs each on Spark, ranks them by similarity and"
                + " renders the best K for the method's full epochs.",
            "Writes RESULTS/rank/NAME/run-I.png, ranking.csv (run,seed,sim_short,sim_full) and"
                + " RESULTS/spark/rank/NAME/results.parquet; RESULTS is a path or a Hadoop URI (hdfs:, s3a:)."})
public final class RankJob implements Callable<Integer> {
    private static final StructType TASK = DataTypes.createStructType(List.of(
            DataTypes.createStructField("ranking", DataTypes.StringType, false),
            DataTypes.createStructField("stage", DataTypes.StringType, false),
            DataTypes.createStructField("run", DataTypes.StringType, false),
            DataTypes.createStructField("seed", DataTypes.LongType, false),
            DataTypes.createStructField("method", DataTypes.StringType, false),
            DataTypes.createStructField("epochs", DataTypes.IntegerType, false),
            DataTypes.createStructField("prompt", DataTypes.StringType, false)));

    @Parameters(index = "0", paramLabel = "RESULTS", description = "the results folder, a path or a Hadoop URI")
    private String results;

    @Mixin
    private RankOptions options;

    @Mixin
    private ModelOption model;

    @Mixin
    private SparkOptions spark;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(Main.withOneLineErrors(new CommandLine(new RankJob())).execute(args));
    }

    @Override
    public Integer call() {
        BestOfN ranking = options.ranking().build();
        return spark.run("rank", spec, session -> summary(run(session, results, model.name(), ranking)));
    }

    /**
     * Both stages; returns their rows, short runs first, and leaves {@code ranking.csv} with every
     * run that did not fail, best first. A failed short run is left out of the choice of the best.
     */
    static List<Row> run(SparkSession spark, String results, String model, BestOfN ranking) {
        ResultStore store = new ResultStore(results, spark.sparkContext().hadoopConfiguration());
        String dir = "rank/" + ranking.name() + "/";
        List<Row> shortRows = TaskStage.render(spark, store, model, TASK,
                ranking.shortRuns().stream().map(run -> row(ranking, BestOfN.Stage.SHORT, run)).toList(),
                RankJob::render);
        List<RankedSeed> ranked = new ArrayList<>();
        for (Row row : done(shortRows)) {
            ranked.add(new RankedSeed(row.getString(2), row.getLong(3), row.getAs("similarity"),
                    OptionalDouble.empty()));
        }
        store.writeText(dir + "ranking.csv", RankedSeed.csv(ranked));

        List<Row> fullRows = TaskStage.render(spark, store, model, TASK,
                ranking.best(ranked).stream().map(run -> row(ranking, BestOfN.Stage.FULL, run)).toList(),
                RankJob::render);
        for (Row row : done(fullRows)) {
            RankedSeed run = ranked.stream().filter(r -> r.run().equals(row.getString(2))).findFirst().orElseThrow();
            ranked.set(ranked.indexOf(run), run.withFull(row.getAs("similarity")));
        }
        store.writeText(dir + "ranking.csv", RankedSeed.csv(ranked));

        List<Row> all = new ArrayList<>(shortRows);
        all.addAll(fullRows);
        TaskStage.writeParquet(spark, store, TaskStage.results(TASK), all, "spark/" + dir + "results.parquet");
        return all;
    }

    /** The outcomes, and each failed run by its stage and name. */
    static String summary(List<Row> rows) {
        return JobSummary.of(rows, row -> row.getString(1).toLowerCase(Locale.ROOT) + " " + row.getString(2));
    }

    private static List<Row> done(List<Row> rows) {
        return rows.stream().filter(row -> row.getAs("error") == null).toList();
    }

    private static Row row(BestOfN ranking, BestOfN.Stage stage, RankedSeed run) {
        Method method = ranking.method(stage);
        return RowFactory.create(ranking.name(), stage.name(), run.run(), run.seed(), method.name(),
                method.config().epochs(), ranking.prompt());
    }

    /** One run, rendered in the executor's staging folder and then moved to the ranking's folder. */
    private static TaskResult render(Row row, ClipModel model, ResultStore results, StagingDir staging) {
        String dir = "rank/" + row.getString(0) + "/";
        String image = dir + row.getString(2) + ".png";
        String record = "spark/" + dir + row.getString(1).toLowerCase(Locale.ROOT) + "/" + row.getString(2) + ".txt";
        if (results.exists(record)) return TaskResult.skipped(image, results.readText(record));
        Method method = Method.shipped(row.getString(4)).withEpochs(row.getInt(5));
        StepSimilarities similarities = new StepSimilarities();
        Path png = staging.path().resolve(row.getString(2) + ".png");
        RenderResult rendered = BestOfN.render(model, method.forPrompt(row.getString(6)), row.getLong(3), png,
                similarities);
        TaskResult result = TaskResult.done("rendered", similarities.values(), rendered.seconds(), image);
        results.upload(png, image);
        // The record goes last: it is what tells a re-run that this run is done.
        results.writeText(record, result.record());
        return result;
    }
}
