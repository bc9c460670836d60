package dev.clipig.gallery;

import dev.clipig.io.OutputFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code index.html} into a results folder: the concept-transfer grid and the ranking
 * tables, referring to the images and CSVs beside it by relative links, so the folder can be
 * opened, copied or served as it is.
 */
public final class GalleryWriter {

    private GalleryWriter() {
    }

    /**
     * @return the page written
     * @throws dev.clipig.ClipigException naming the folder or file that cannot be read or written
     */
    public static Path write(Path resultsDir) {
        if (!Files.isDirectory(resultsDir)) {
            throw new GalleryException("results folder " + resultsDir
                    + (Files.exists(resultsDir) ? " is not a folder" : " does not exist"));
        }
        String html = GalleryPage.render(ConceptResults.scan(resultsDir), Ranking.readAll(resultsDir));
        Path page = resultsDir.resolve("index.html");
        // A browser reloading the page while it is rewritten sees the old or the new one, never half.
        OutputFile.writeText(page, html);
        return page;
    }
}
