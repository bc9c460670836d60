package dev.clipig.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryWriterTest {
    @TempDir
    Path temp;

    @Test
    void thePageListsTheGridAndLinksFilesRelatively() throws IOException {
        Path results = SampleResults.create(temp.resolve("results"));

        Path page = GalleryWriter.write(results);

        assertEquals(results.resolve("index.html"), page);
        String html = Files.readString(page);
        assertTrue(html.contains("<tr data-thing=\"coral-reef\"><th scope=\"row\">coral reef</th>"), html);
        assertTrue(html.contains("data-prompt=\"a pig made of basil\" data-method1=\"concept/method1/pig-basil.png\""
                + " data-method2=\"\" data-method3=\"\""), "the missing image has an empty URL");
        assertTrue(html.contains("data-prompt=\"a pig made of coral reef\" data-method1=\"concept/method1/pig-coral-reef.png\""
                + " data-method2=\"concept/method2/pig-coral-reef.png\" data-method3=\"concept/method3/pig-coral-reef.png\""),
                "method 3 is the gallery's third method");
        assertTrue(html.contains("data-methods=\"method1 method2 method3\""), html);
        assertTrue(html.contains("href=\"rank/a-red-apple/ranking.csv\""));
        assertTrue(html.contains("src=\"rank/a-red-apple/run-3.png\""));
        assertFalse(html.contains(temp.toString()), "no absolute paths: the folder can move");
        assertFalse(html.contains("{{"), "every slot of the template is filled");
        assertFalse(Files.exists(results.resolve(".index.html.part")));
    }

    @Test
    void anEmptyFolderGivesAPageSayingSo() throws IOException {
        String html = Files.readString(GalleryWriter.write(Files.createDirectories(temp.resolve("empty"))));

        assertTrue(html.contains("No concept-transfer images yet"));
        assertTrue(html.contains("No rankings yet"));
    }

    @Test
    void namesAreEscapedAndUrlsEncoded() throws IOException {
        Path results = temp.resolve("results");
        Files.createDirectories(results.resolve("concept/method1"));
        Files.write(results.resolve("concept/method1/cat-<b>&#rock.png"), new byte[0]);

        String html = Files.readString(GalleryWriter.write(results));

        assertTrue(html.contains("<th scope=\"row\">&lt;b&gt;&amp;#rock</th>"), html);
        assertTrue(html.contains("data-method1=\"concept/method1/cat-%3Cb%3E%26%23rock.png\""), html);
    }

    @Test
    void aMissingFolderIsNamed() {
        Path missing = temp.resolve("nowhere");

        GalleryException e = assertThrows(GalleryException.class, () -> GalleryWriter.write(missing));

        assertEquals("results folder " + missing + " does not exist", e.getMessage());
    }

    @Test
    void aBadCsvLineIsNamed() throws IOException {
        Path results = temp.resolve("results");
        Files.createDirectories(results.resolve("rank/r"));
        Files.writeString(results.resolve("rank/r/ranking.csv"), "run,seed,sim_short,sim_full\nrun-0,7,high,\n");

        GalleryException e = assertThrows(GalleryException.class, () -> GalleryWriter.write(results));

        assertEquals(results.resolve("rank/r/ranking.csv") + " line 2: sim_short 'high' is not a number",
                e.getMessage());
    }

    @Test
    void aWrongHeaderIsNamed() throws IOException {
        Path results = temp.resolve("results");
        Files.createDirectories(results.resolve("rank/r"));
        Files.writeString(results.resolve("rank/r/ranking.csv"), "id,seed,sim\n");

        GalleryException e = assertThrows(GalleryException.class, () -> GalleryWriter.write(results));

        assertTrue(e.getMessage().endsWith("ranking.csv line 1: expected the header '" + Ranking.HEADER + "'"));
    }

    @Test
    void continuedRunsRankAboveTheRestAndWorstExcludesBest() {
        List<RankedRun> runs = List.of(
                run("short-high", 0.40, OptionalDouble.empty()),
                run("full-low", 0.20, OptionalDouble.of(0.30)),
                run("full-high", 0.25, OptionalDouble.of(0.35)),
                run("short-low", 0.10, OptionalDouble.empty()));

        Ranking ranking = new Ranking("r", "rank/r/ranking.csv", runs);

        assertEquals(List.of("full-high", "full-low", "short-high", "short-low"),
                ranking.runs().stream().map(RankedRun::run).toList());
        assertEquals(List.of("full-high", "full-low", "short-high"), names(ranking.best(3)));
        assertEquals(List.of("short-low"), names(ranking.worst(3)));
        assertEquals(List.of("short-high", "short-low"), names(ranking.worst(2)));
    }

    @Test
    void urlsKeepUnreservedCharactersAndSlashes() {
        assertEquals("concept/method1/cat-coral-reef.png", Html.url("concept/method1/cat-coral-reef.png"));
        assertEquals("rank/a%20b/%C3%A9t%C3%A9.png", Html.url("rank/a b/été.png"));
    }

    private static RankedRun run(String name, double simShort, OptionalDouble simFull) {
        return new RankedRun(name, 1, simShort, simFull, null);
    }

    private static List<String> names(List<RankedRun> runs) {
        return runs.stream().map(RankedRun::run).toList();
    }
}
