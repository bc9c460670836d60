package dev.clipig.gallery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
     * @throws GalleryException naming the folder or file that cannot be read or written
     */
    public static Path write(Path resultsDir) {
        if (!Files.isDirectory(resultsDir)) {
            throw new GalleryException("results folder " + resultsDir + " does not exist");
        }
        String html = GalleryPage.render(ConceptResults.scan(resultsDir), Ranking.readAll(resultsDir));
        Path page = resultsDir.resolve("index.html");
        Path temporary = resultsDir.resolve(".index.html.part");
        try {
            // A browser reloading the page while it is rewritten sees the old or the new one, never half.
            Files.writeString(temporary, html, StandardCharsets.UTF_8);
            Files.move(temporary, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new GalleryException("cannot write " + page + ": " + e.getMessage(), e);
        }
        return page;
    }
}
