package dev.clipig.spark;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * What became of one task: the columns every job adds to its task's columns.
 *
 * @param outcome      rendered, resumed, skipped (its image was there) or failed
 * @param similarities the mean 100 × cosine similarity after each epoch this attempt rendered
 * @param similarity   the last of them; for a skipped task the one its record kept, else NaN
 * @param seconds      the time the render took
 * @param image        the image's path in the results folder; null if the task failed
 * @param error        the failure in one line; null if the task succeeded
 */
record TaskResult(String outcome, double[] similarities, double similarity, double seconds, String image,
                  String error) {

    static final List<StructField> FIELDS = List.of(
            DataTypes.createStructField("outcome", DataTypes.StringType, false),
            DataTypes.createStructField("similarities", DataTypes.createArrayType(DataTypes.DoubleType, false), false),
            DataTypes.createStructField("similarity", DataTypes.DoubleType, false),
            DataTypes.createStructField("seconds", DataTypes.DoubleType, false),
            DataTypes.createStructField("image", DataTypes.StringType, true),
            DataTypes.createStructField("error", DataTypes.StringType, true));

    static TaskResult done(String outcome, double[] similarities, double seconds, String image) {
        double last = similarities.length == 0 ? Double.NaN : similarities[similarities.length - 1];
        return new TaskResult(outcome, similarities.clone(), last, seconds, image, null);
    }

    static TaskResult failed(String error) {
        return new TaskResult("failed", new double[0], Double.NaN, 0, null, error);
    }

    /** A skipped task: what its record kept, if the record is there. */
    static TaskResult skipped(String image, Optional<String> record) {
        TaskResult kept = record.map(TaskResult::parseRecord).orElse(done("skipped", new double[0], 0, image));
        return new TaskResult("skipped", kept.similarities, kept.similarity, kept.seconds, image, null);
    }

    boolean failed() {
        return error != null;
    }

    /** The task's columns followed by these. */
    Row appendTo(Row task) {
        Object[] values = new Object[task.length() + FIELDS.size()];
        for (int i = 0; i < task.length(); i++) values[i] = task.get(i);
        Object[] own = {outcome, Arrays.stream(similarities).boxed().toArray(Double[]::new), similarity, seconds,
            image, error};
        System.arraycopy(own, 0, values, task.length(), own.length);
        return RowFactory.create(values);
    }

    /** One line a finished task leaves beside the results, for a re-run that skips it: seconds, similarities. */
    String record() {
        return String.format(Locale.ROOT, "%s %s%n", Double.toString(seconds), Arrays.stream(similarities)
                .mapToObj(Double::toString).collect(Collectors.joining(",")));
    }

    private static TaskResult parseRecord(String line) {
        String[] parts = line.strip().split(" ", -1);
        double[] similarities = parts.length < 2 || parts[1].isEmpty() ? new double[0]
                : Arrays.stream(parts[1].split(",")).mapToDouble(Double::parseDouble).toArray();
        return done("skipped", similarities, Double.parseDouble(parts[0]), null);
    }
}
