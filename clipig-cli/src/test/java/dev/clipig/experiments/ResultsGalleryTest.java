package dev.clipig.experiments;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.clip.ClipModel;
import dev.clipig.gallery.GalleryWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiments write the results layout the gallery reads. */
class ResultsGalleryTest {
    @TempDir
    Path results;

    @Test
    void theGalleryShowsWhatTheExperimentsWrote() throws IOException {
        ClipModel model = SmallMethods.model();
        ConceptGrid.builder().resultsDir(results).methods(List.of(SmallMethods.method(2, 1)))
                .animals(List.of("penguin")).things(List.of("maple-leaf", "taco")).build().run(model);
        List<RankedSeed> ranked = BestOfN.builder().resultsDir(results).name("apple").method(SmallMethods.method(1, 2))
                .prompt("a red apple").runs(2).best(1).shortEpochs(1).build().run(model);

        String html = Files.readString(GalleryWriter.write(results));

        assertTrue(html.contains("data-prompt=\"a penguin made of maple leaf\" data-method1=\"\""
                + " data-method2=\"concept/method2/penguin-maple-leaf.png\""), html);
        assertTrue(html.contains("data-method2=\"concept/method2/penguin-taco.png\""), html);
        assertTrue(html.contains("href=\"rank/apple/ranking.csv\""), html);
        assertTrue(html.contains("2 runs, 1 continued"), html);
        assertTrue(html.contains("src=\"rank/apple/" + ranked.get(0).run() + ".png\""), html);
    }
}
