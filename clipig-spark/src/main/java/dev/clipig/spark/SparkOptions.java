package dev.clipig.spark;

import java.io.PrintWriter;
import java.util.function.Function;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The option every job shares: where Spark runs it. */
final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark's master, e.g. local[2] or spark://host:7077 (default: the one spark-submit"
                    + " gives, else local[*], every core of this machine)")
    private String master;

    /** Runs a job in its session, prints the summary it returns, and stops the session; exit code 0. */
    int run(String job, CommandSpec spec, Function<SparkSession, String> work) {
        SparkSession session = session(job);
        try {
            PrintWriter out = spec.commandLine().getOut();
            out.println(work.apply(session));
            out.flush();
        } finally {
            session.stop();
        }
        return 0;
    }

    /** The session of the job, started here or joined when spark-submit started it. */
    private SparkSession session(String job) {
        SparkSession.Builder builder = SparkSession.builder().appName("clipig " + job);
        if (master != null) {
            builder.master(master);
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        return builder.getOrCreate();
    }
}
