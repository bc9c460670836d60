package dev.clipig.cli;

import dev.clipig.gallery.GalleryWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clipig gallery RESULTS_DIR}: the static HTML page of a results folder. */
@Command(name = "gallery", mixinStandardHelpOptions = true,
        description = {"Writes RESULTS_DIR/index.html: the concept-transfer grid (concept/method1 to method3)"
                + " and the ranking tables (rank/NAME/ranking.csv), linking the files beside it.",
            "Open it in a browser from the file system; no server is needed."})
public final class GalleryCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "the folder the experiments wrote")
    private Path resultsDir;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Path page = GalleryWriter.write(resultsDir);
        spec.commandLine().getOut().println("wrote " + page.toAbsolutePath().toUri());
        return 0;
    }
}
