package dev.clipig.spark;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;

/** The lines a job prints at its end: how many tasks came to each outcome, and each failure. */
final class JobSummary {
    private JobSummary() {
    }

    /** The summary; {@code task} names a task in a failure's line. */
    static String of(List<Row> rows, Function<Row, String> task) {
        Map<String, Long> outcomes = new TreeMap<>(rows.stream()
                .collect(Collectors.groupingBy(row -> row.<String>getAs("outcome"), Collectors.counting())));
        StringBuilder text = new StringBuilder("done: ").append(outcomes.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        for (Row row : rows) {
            String error = row.getAs("error");
            if (error != null) text.append("\nfailed: ").append(task.apply(row)).append(": ").append(error);
        }
        return text.toString();
    }
}
