package dev.clipig.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** One stage of a job: a Dataset of task rows, one Spark task each, rendered on the executors. */
final class TaskStage {
    private TaskStage() {
    }

    /** The results' schema: the task's columns, then {@link TaskResult#FIELDS}. */
    static StructType results(StructType task) {
        List<StructField> fields = new ArrayList<>(List.of(task.fields()));
        fields.addAll(TaskResult.FIELDS);
        return new StructType(fields.toArray(StructField[]::new));
    }

    /**
     * Renders the rows and returns them with their results, in their order. A render takes seconds
     * to hours, so every row is a partition of its own: the scheduler balances the executors task
     * by task, and retries or speculates one render, not a batch.
     */
    static List<Row> render(SparkSession spark, ResultStore results, String model, StructType schema,
                            List<Row> tasks, RenderTask task) {
        if (tasks.isEmpty()) return List.of();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Dataset<Row> rows = spark.createDataFrame(context.parallelize(tasks, tasks.size()), schema);
        TaskRunner runner = new TaskRunner(task, results, model, Retries.of(spark.sparkContext().getConf()));
        return rows.mapPartitions(runner, Encoders.row(results(schema))).collectAsList();
    }

    /** Writes the rows as one Parquet file (a folder of one part) of the results folder, replacing it. */
    static void writeParquet(SparkSession spark, ResultStore results, StructType schema, List<Row> rows,
                             String parquet) {
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(results.resolve(parquet));
    }
}
