package dev.clipig.spark;

import dev.clipig.clip.ClipModel;
import java.io.Serializable;
import org.apache.spark.sql.Row;

/** How a job renders one of its task rows on an executor, into the results folder. */
@FunctionalInterface
interface RenderTask extends Serializable {
    TaskResult render(Row task, ClipModel model, ResultStore results, StagingDir staging);
}
