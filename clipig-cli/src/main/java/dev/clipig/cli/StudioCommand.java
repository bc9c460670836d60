package dev.clipig.cli;

import dev.clipig.studio.Studio;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clipig studio}: the browser page where configs are edited and renders watched. */
@Command(name = "studio", mixinStandardHelpOptions = true,
        description = {"Serves a page to edit a config (checked as you type), render it and watch the image grow,"
                + " pause or stop the render, and reopen past runs.",
            "Files are read and written only inside the workspace; runs go to WORKSPACE/runs. Ctrl-C ends it."})
public final class StudioCommand implements Callable<Integer> {
    @Mixin
    private ModelOption model;

    @Option(names = "--workspace", paramLabel = "DIR", defaultValue = ".",
            description = "the folder of configs and runs (default: the current one)")
    private Path workspace;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "default: ${DEFAULT-VALUE}")
    private int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "the address to listen on; give another only to reach the studio from other machines"
                    + " (default: ${DEFAULT-VALUE})")
    private String host;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) throw new BadInputException("--port: not a port number: " + port);
        Studio studio;
        try {
            studio = Studio.builder().workspace(workspace).host(host).port(port).model(model.name(), model::load).start();
        } catch (BindException e) {
            throw new BadInputException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); give another --port");
        } catch (UnknownHostException e) {
            throw new BadInputException("--host: no such address: " + host);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                studio.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "clipig-studio-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("studio at " + studio.address() + " (workspace " + studio.workspace() + "); Ctrl-C ends it");
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
