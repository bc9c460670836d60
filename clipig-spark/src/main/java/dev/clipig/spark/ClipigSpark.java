package dev.clipig.spark;

import dev.clipig.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar clipig-spark-local.jar concept|rank ...}: the jobs on this machine, Spark in
 * local mode from the jar's {@code lib/}, with nothing installed but Java. On a cluster,
 * {@code spark-submit} starts {@link ConceptJob} and {@link RankJob} themselves.
 */
@Command(name = "clipig-spark", mixinStandardHelpOptions = true,
        description = "CLIPig's experiments as Apache Spark jobs.",
        subcommands = {CommandLine.HelpCommand.class, ConceptJob.class, RankJob.class})
public final class ClipigSpark {
    private static final String LOG_CONFIG = "log4j2.configurationFile";

    public static void main(String[] args) {
        // Spark's own default logs every stage at INFO; here, where a user reads the terminal, warnings only.
        if (System.getProperty(LOG_CONFIG) == null) {
            System.setProperty(LOG_CONFIG, "dev/clipig/spark/local-log4j2.properties");
        }
        System.exit(Main.withOneLineErrors(new CommandLine(new ClipigSpark())).execute(args));
    }
}
