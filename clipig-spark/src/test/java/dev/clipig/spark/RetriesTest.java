package dev.clipig.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.ClipigException;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class RetriesTest {
    private static Retries of(String master, String maxFailures) {
        SparkConf conf = new SparkConf(false).set("spark.master", master);
        if (maxFailures != null) conf.set("spark.task.maxFailures", maxFailures);
        return Retries.of(conf);
    }

    @Test
    void theAttemptsAreSparksOwn() {
        assertEquals(1, of("local[2]", "8").maxFailures(), "a plain local master never retries");
        assertEquals(3, of("local[2, 3]", null).maxFailures());
        assertEquals(4, of("yarn", null).maxFailures(), "Spark's default");
        assertEquals(6, of("spark://host:7077", "6").maxFailures());
    }

    @Test
    void aMistakeIsReportedAtOnceAnythingElseAfterTheLastAttempt() {
        Retries retries = new Retries(4);
        assertTrue(retries.reports(new ClipigException("cat.png.ckpt: not a checkpoint"), 0));
        assertFalse(retries.reports(new OutOfMemoryError("Java heap space"), 2), "Spark retries it");
        assertTrue(retries.reports(new OutOfMemoryError("Java heap space"), 3));
    }

    @Test
    void theErrorIsOneLine() {
        assertEquals("cat.png.ckpt: not a checkpoint", Retries.oneLine(new ClipigException("cat.png.ckpt: not a checkpoint")));
        assertEquals("OutOfMemoryError: Java heap space", Retries.oneLine(new OutOfMemoryError("Java heap space")));
        assertEquals("IllegalStateException: two\\nlines", Retries.oneLine(new IllegalStateException("two\nlines")));
        assertEquals("NullPointerException", Retries.oneLine(new NullPointerException()));
    }
}
