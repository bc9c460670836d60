package dev.clipig.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code clipig} command line: one jar, one subcommand per job. */
@Command(name = "clipig", mixinStandardHelpOptions = true, version = "clipig 0.1.0",
        description = "CLIP image generation on the JVM.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
