package dev.clipig.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the {@code clipig} command line, as a user would see it. */
record CommandRun(int exit, String out, String err) {

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }

    /** The error output as one line, or an assertion failure showing all of it. */
    String errorLine() {
        String message = err.strip();
        if (exit == 0 || message.isEmpty() || message.lines().count() != 1) {
            throw new AssertionError("expected a failure reported in one line, got exit " + exit + " and:\n" + err);
        }
        return message;
    }
}
