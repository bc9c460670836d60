package dev.clipig.spark;

import dev.clipig.clip.ClipModel;
import dev.clipig.cli.ConceptOptions;
import dev.clipig.cli.Main;
import dev.clipig.cli.ModelOption;
import dev.clipig.experiments.Concept;
import dev.clipig.experiments.ConceptImage;
import dev.clipig.experiments.ConceptTask;
import dev.clipig.experiments.Method;
import java.util.List;
import java.util.Locale;
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
 * {@code clipig concept} on Spark: every image of the grid is a task row, rendered on whichever
 * executor takes it, into the same {@code concept/<method>/<animal>-<thing>.png} the single-machine
 * command writes (and the gallery reads); the task rows with their results go to
 * {@code spark/concept/results.parquet}.
 */
@Command(name = "concept", mixinStandardHelpOptions = true,
        description = {"Renders \"a ANIMAL made of THING\" for every animal, thing and method on Spark,"
                + " into RESULTS/concept/methodM/ANIMAL-THING.png and RESULTS/spark/concept/results.parquet.",
            "RESULTS is a path or a Hadoop URI (hdfs:, s3a:). Images already there are skipped, so a stopped"
                + " job run again finishes what is missing."})
public final class ConceptJob implements Callable<Integer> {
    static final String PARQUET = "spark/concept/results.parquet";

    private static final StructType TASK = DataTypes.createStructType(List.of(
            DataTypes.createStructField("method", DataTypes.StringType, false),
            DataTypes.createStructField("epochs", DataTypes.IntegerType, false),
            DataTypes.createStructField("animal", DataTypes.StringType, false),
            DataTypes.createStructField("thing", DataTypes.StringType, false),
            DataTypes.createStructField("prompt", DataTypes.StringType, false),
            DataTypes.createStructField("seed", DataTypes.LongType, false)));

    @Parameters(index = "0", paramLabel = "RESULTS", description = "the results folder, a path or a Hadoop URI")
    private String results;

    @Mixin
    private ModelOption model;

    @Mixin
    private ConceptOptions options;

    @Mixin
    private SparkOptions spark;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(Main.withOneLineErrors(new CommandLine(new ConceptJob())).execute(args));
    }

    @Override
    public Integer call() {
        List<ConceptTask> tasks = options.grid().build().tasks();
        return spark.run("concept", spec, session -> summary(run(session, results, model.name(), tasks)));
    }

    /** Renders the tasks, writes the results' Parquet file and returns its rows, in the tasks' order. */
    static List<Row> run(SparkSession spark, String results, String model, List<ConceptTask> tasks) {
        ResultStore store = new ResultStore(results, spark.sparkContext().hadoopConfiguration());
        List<Row> done = TaskStage.render(spark, store, model, TASK, tasks.stream().map(ConceptJob::row).toList(),
                ConceptJob::render);
        TaskStage.writeParquet(spark, store, TaskStage.results(TASK), done, PARQUET);
        return done;
    }

    /** The outcomes, and each failed task by its image. */
    static String summary(List<Row> rows) {
        return JobSummary.of(rows, row -> task(row).imagePath());
    }

    private static Row row(ConceptTask task) {
        return RowFactory.create(task.method().name(), task.method().config().epochs(), task.concept().animal(),
                task.concept().thing(), task.concept().prompt(), task.seed());
    }

    private static ConceptTask task(Row row) {
        Method method = Method.shipped(row.getString(0)).withEpochs(row.getInt(1));
        return new ConceptTask(method, new Concept(row.getString(2), row.getString(3)), row.getLong(5));
    }

    /**
     * The task as {@code clipig concept} renders it, in the executor's staging folder, with its
     * checkpoint kept in the results folder meanwhile; then the image moves to the results.
     */
    private static TaskResult render(Row row, ClipModel model, ResultStore results, StagingDir staging) {
        ConceptTask task = task(row);
        String record = "spark/concept/tasks/" + task.method().name() + "/" + task.concept().fileName() + ".txt";
        if (results.exists(task.imagePath())) return TaskResult.skipped(task.imagePath(), results.readText(record));
        if (results.exists(task.checkpointPath())) {
            results.download(task.checkpointPath(), staging.path().resolve(task.checkpointPath()));
        }
        StepSimilarities similarities = new StepSimilarities();
        CheckpointSync sync = new CheckpointSync(staging.path().resolve(task.checkpointPath()), results,
                task.checkpointPath());
        ConceptImage image = task.render(model, staging.path(), step -> {
            similarities.onStep(step);
            sync.onStep(step);
        });
        TaskResult result = TaskResult.done(image.outcome().name().toLowerCase(Locale.ROOT), similarities.values(),
                image.seconds(), task.imagePath());
        // The record goes first: an image without its record would be skipped with its similarities unknown.
        results.writeText(record, result.record());
        results.upload(image.image(), task.imagePath());
        results.delete(task.checkpointPath());
        results.deleteIfEmpty(task.checkpointPath().substring(0, task.checkpointPath().lastIndexOf('/')));
        return result;
    }
}
