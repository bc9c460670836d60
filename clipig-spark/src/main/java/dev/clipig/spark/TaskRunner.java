package dev.clipig.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Renders the task rows of a partition with this executor's model and returns each row with its
 * {@link TaskResult}; a failure becomes a result row or goes to Spark as {@link Retries} decides.
 */
final class TaskRunner implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final RenderTask task;
    private final ResultStore results;
    private final String model;
    private final Retries retries;

    TaskRunner(RenderTask task, ResultStore results, String model, Retries retries) {
        this.task = task;
        this.results = results;
        this.model = model;
        this.retries = retries;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        List<Row> done = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            done.add(render(row).appendTo(row));
        }
        return done.iterator();
    }

    private TaskResult render(Row row) {
        try (StagingDir staging = new StagingDir()) {
            return task.render(row, ExecutorModels.get(model), results, staging);
        } catch (RuntimeException | Error e) {
            TaskContext context = TaskContext.get();
            if (!retries.reports(e, context == null ? 0 : context.attemptNumber())) throw e;
            return TaskResult.failed(Retries.oneLine(e));
        }
    }
}
