package dev.clipig.spark;

import dev.clipig.ClipigException;
import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/**
 * When a failed task becomes a result row instead of an exception. A user's mistake (a damaged
 * checkpoint, a prompt the tokenizer refuses) fails the same way every time, so it is reported at
 * once; anything else (out of memory, a lost file system) may pass on another attempt, so it is
 * thrown for Spark to retry, and only the last attempt Spark allows reports it, so that one task's
 * fault never fails the whole job. An executor that dies outright cannot report: then Spark's
 * retries run out and the job fails, and a re-run finishes what is missing.
 *
 * @param maxFailures the attempts Spark gives a task ({@code spark.task.maxFailures}, or the
 *                    {@code F} of a {@code local[N,F]} master; plain local masters never retry)
 */
record Retries(int maxFailures) implements Serializable {
    private static final Pattern LOCAL_WITH_FAILURES = Pattern.compile("local\\[[^,\\]]+,\\s*(\\d+)]");

    static Retries of(SparkConf conf) {
        String master = conf.get("spark.master", "");
        if (master.startsWith("local")) {
            Matcher withFailures = LOCAL_WITH_FAILURES.matcher(master);
            return new Retries(withFailures.matches() ? Integer.parseInt(withFailures.group(1)) : 1);
        }
        return new Retries(conf.getInt("spark.task.maxFailures", 4));
    }

    /** Whether the failure of the given attempt (from 0) goes into the results rather than to Spark. */
    boolean reports(Throwable failure, int attempt) {
        return failure instanceof ClipigException || attempt + 1 >= maxFailures;
    }

    /** The failure in one line: a user's mistake by its message, anything else with its type. */
    static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        return ClipigException.oneLine(failure instanceof ClipigException ? message
                : failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message));
    }
}
