package dev.clipig.spark;

import dev.clipig.cli.Main;
import dev.clipig.cli.NativeEnvironment;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
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
        // The CLI's native environment, as clipig sets it; the child needs the jar's opens for Spark too.
        NativeEnvironment.exitWithLauncher();
        int exit = NativeEnvironment.relaunchIfNeeded(ClipigSpark.class, opensOfThisJar(), args)
                .orElseGet(() -> run(args));
        System.exit(exit);
    }

    private static int run(String[] args) {
        // Spark's own default logs every stage at INFO; here, where a user reads the terminal, warnings only.
        if (System.getProperty(LOG_CONFIG) == null) {
            System.setProperty(LOG_CONFIG, "dev/clipig/spark/local-log4j2.properties");
        }
        return Main.withOneLineErrors(new CommandLine(new ClipigSpark())).execute(args);
    }

    /** The {@code Add-Opens} of the jar this class came from, as command-line options; none outside a jar. */
    private static List<String> opensOfThisJar() {
        try (JarFile jar = new JarFile(Path.of(ClipigSpark.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toFile())) {
            String opens = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Add-Opens");
            return opens == null ? List.of() : Arrays.stream(opens.strip().split("\\s+"))
                    .map(target -> "--add-opens=" + target + "=ALL-UNNAMED").toList();
        } catch (IOException | URISyntaxException notAJar) {
            return List.of();
        }
    }
}
