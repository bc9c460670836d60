package dev.clipig.cli;

import dev.clipig.ClipigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code clipig} command line: one jar, one subcommand per job. */
@Command(name = "clipig", mixinStandardHelpOptions = true, version = "clipig 0.1.0",
        description = "CLIP image generation on the JVM.",
        subcommands = {CommandLine.HelpCommand.class, ConvertCommand.class, BenchCommand.class,
            TokenizeCommand.class, EmbedCommand.class, ClassifyCommand.class, GalleryCommand.class,
            RenderCommand.class, ConceptCommand.class, RankCommand.class, StudioCommand.class})
public final class Main {

    /** Before ND4J loads (commands load it), so that its first logger reads the level. */
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "also show the native backend's informational messages on stderr")
    void verbose(boolean on) {
        if (on) System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    }

    public static void main(String[] args) {
        NativeEnvironment.exitWithLauncher();
        int exit = NativeEnvironment.relaunchIfNeeded(Main.class, args).orElseGet(() -> run(args));
        System.exit(exit);
    }

    static int run(String... args) {
        try {
            CommandLine commandLine = commandLine();
            return commandLine.execute(withImpliedRender(commandLine, args));
        } catch (LinkageError e) {
            String line = BackendFailure.explain(e).orElseThrow(() -> e);
            System.err.println("clipig: " + line);
            return 1;
        }
    }

    /**
     * CLIPig's own invocation, {@code clipig CONFIG... [options]} (its scripts pipe a config in as
     * {@code clipig - -o DIR/}), means {@code clipig render CONFIG...}.
     */
    static String[] withImpliedRender(CommandLine commandLine, String[] args) {
        if (args.length == 0 || commandLine.getSubcommands().containsKey(args[0])) return args;
        if (!args[0].equals("-") && args[0].startsWith("-")) return args;
        String[] render = new String[args.length + 1];
        render[0] = "render";
        System.arraycopy(args, 0, render, 1, args.length);
        return render;
    }

    /**
     * The command line with its two error paths, each one line: a user's mistake in a file, key or
     * value ({@link ClipigException}, exit 1) and a malformed command line (exit 2, pointing at
     * {@code --help} rather than printing it). Anything else is a bug and keeps its stack trace.
     */
    static CommandLine commandLine() {
        return withOneLineErrors(new CommandLine(new Main()));
    }

    /** Gives a command line (this one's, or a cluster job's) the two one-line error paths above. */
    public static CommandLine withOneLineErrors(CommandLine commandLine) {
        return commandLine
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (!(e instanceof ClipigException)) throw e;
                    report(cmd, e.getMessage());
                    return 1;
                })
                .setParameterExceptionHandler((e, args) -> {
                    CommandLine cmd = e.getCommandLine();
                    report(cmd, e.getMessage() + " (see " + cmd.getCommandSpec().qualifiedName() + " --help)");
                    return 2;
                });
    }

    private static void report(CommandLine cmd, String message) {
        cmd.getOut().flush();
        cmd.getErr().println(cmd.getCommandName() + ": " + ClipigException.oneLine(message));
        cmd.getErr().flush();
    }
}
