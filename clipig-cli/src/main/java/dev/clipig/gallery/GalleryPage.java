package dev.clipig.gallery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gallery as one self-contained HTML page: the template with its style and script inlined,
 * so that the page opens from {@code file://} with nothing but the images beside it. The page is
 * static markup; the script adds the keyboard navigation of the concept grid.
 */
final class GalleryPage {
    /** Rows shown at each end of a ranking. */
    static final int SHOWN_RUNS = 5;

    private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");

    private GalleryPage() {
    }

    static String render(ConceptResults concept, List<Ranking> rankings) {
        Map<String, String> parts = Map.of(
                "style", resource("gallery.css"),
                "script", resource("gallery.js"),
                "concept", concept(concept),
                "rankings", rankings(rankings));
        // One pass over the template only: text from the results folder is never taken for a slot.
        return SLOT.matcher(resource("gallery.html")).replaceAll(slot -> Matcher.quoteReplacement(
                Objects.requireNonNull(parts.get(slot.group(1)), slot.group())));
    }

    private static String concept(ConceptResults results) {
        if (results.isEmpty()) {
            return "<p class=\"empty\">No concept-transfer images yet (concept/method1, concept/method2, concept/method3).</p>";
        }
        StringBuilder html = new StringBuilder("<table id=\"grid\" data-methods=\"")
                .append(Html.escape(String.join(" ", results.methods()))).append("\">\n<thead><tr><th></th>");
        for (String animal : results.animals()) {
            html.append("<th scope=\"col\">").append(Html.escape(animal)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (String thing : results.things()) {
            html.append("<tr data-thing=\"").append(Html.escape(thing)).append("\"><th scope=\"row\">")
                    .append(Html.escape(thing.replace('-', ' '))).append("</th>");
            for (String animal : results.animals()) {
                html.append("<td data-animal=\"").append(Html.escape(animal)).append("\" data-prompt=\"")
                        .append(Html.escape(ConceptResults.prompt(animal, thing))).append('"');
                for (String method : results.methods()) {
                    String image = ConceptResults.path(method, animal, thing);
                    html.append(" data-").append(method).append("=\"")
                            .append(results.images().contains(image) ? Html.escape(Html.url(image)) : "").append('"');
                }
                html.append("></td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>").toString();
    }

    private static String rankings(List<Ranking> rankings) {
        if (rankings.isEmpty()) return "<p class=\"empty\">No rankings yet (rank/NAME/ranking.csv).</p>";
        StringBuilder html = new StringBuilder();
        for (Ranking ranking : rankings) {
            long continued = ranking.runs().stream().filter(r -> r.simFull().isPresent()).count();
            html.append("<section class=\"ranking\">\n<h3>").append(Html.escape(ranking.name())).append("</h3>\n")
                    .append("<p>").append(ranking.runs().size()).append(" runs, ").append(continued)
                    .append(" continued to the full run &middot; <a href=\"").append(Html.escape(Html.url(ranking.csv())))
                    .append("\">ranking.csv</a></p>\n");
            table(html, "best", ranking, ranking.best(SHOWN_RUNS));
            table(html, "worst", ranking, ranking.worst(SHOWN_RUNS));
            html.append("</section>\n");
        }
        return html.toString();
    }

    private static void table(StringBuilder html, String title, Ranking ranking, List<RankedRun> runs) {
        if (runs.isEmpty()) return;
        html.append("<table class=\"").append(title).append("\"><caption>").append(title).append("</caption>\n")
                .append("<thead><tr><th>rank</th><th>image</th><th>run</th><th>seed</th>")
                .append("<th>sim short</th><th>sim full</th></tr></thead>\n<tbody>\n");
        for (RankedRun run : runs) {
            html.append("<tr><td>").append(ranking.runs().indexOf(run) + 1).append("</td><td>");
            if (run.image() == null) {
                html.append("<span class=\"missing\">no image</span>");
            } else {
                String url = Html.escape(Html.url(run.image()));
                html.append("<a href=\"").append(url).append("\"><img class=\"thumb\" src=\"").append(url)
                        .append("\" alt=\"").append(Html.escape(run.run())).append("\"></a>");
            }
            html.append("</td><td>").append(Html.escape(run.run())).append("</td><td>").append(run.seed())
                    .append("</td><td>").append(similarity(run.simShort())).append("</td><td>")
                    .append(run.simFull().isPresent() ? similarity(run.simFull().getAsDouble()) : "&ndash;")
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static String similarity(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String resource(String name) {
        try (InputStream in = GalleryPage.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("resource missing from the jar: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
