package dev.clipig.cli;

import dev.clipig.clip.image.ImageReadException;
import dev.clipig.clip.tokenizer.TextTooLongException;
import dev.clipig.core.config.ConfigException;
import dev.clipig.core.expr.ExpressionException;
import dev.clipig.core.render.RenderException;
import dev.clipig.experiments.ExperimentException;
import dev.clipig.weights.WeightsException;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code clipig} command line: one jar, one subcommand per job. */
@Command(name = "clipig", mixinStandardHelpOptions = true, version = "clipig 0.1.0",
        description = "CLIP image generation on the JVM.",
        subcommands = {CommandLine.HelpCommand.class, ConvertCommand.class, BenchCommand.class,
            TokenizeCommand.class, EmbedCommand.class, ClassifyCommand.class, GalleryCommand.class,
            RenderCommand.class, ConceptCommand.class, RankCommand.class, StudioCommand.class})
public final class Main {

    /** Exceptions that report a user's mistake (a bad file, key or value) in their message. */
    private static final Set<Class<? extends Exception>> USER_ERRORS = Set.of(WeightsException.class,
            ImageReadException.class, TextTooLongException.class, BadInputException.class,
            ConfigException.class, ExpressionException.class, RenderException.class, ExperimentException.class);

    public static void main(String[] args) {
        int exit = NativeEnvironment.relaunchIfNeeded(Main.class, args).orElseGet(() -> run(args));
        System.exit(exit);
    }

    static int run(String... args) {
        try {
            return commandLine().execute(args);
        } catch (LinkageError e) {
            String line = BackendFailure.explain(e).orElseThrow(() -> e);
            System.err.println("clipig: " + line);
            return 1;
        }
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (USER_ERRORS.stream().noneMatch(type -> type.isInstance(e))) throw e;
            cmd.getErr().println(cmd.getCommandName() + ": " + e.getMessage());
            return 1;
        });
    }
}
