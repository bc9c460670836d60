package dev.clipig.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipig.browser.DevToolsSession;
import dev.clipig.browser.HeadlessChromium;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated page in a real headless Chromium, opened from file:// and driven by key presses. */
class GalleryBrowserTest {
    private static final String SELECTED_LARGE = "document.querySelector('#large figure.selected')";

    @TempDir
    Path temp;

    @Test
    void keysSelectTheThingAndTheMethod() throws Exception {
        Path page = GalleryWriter.write(SampleResults.create(temp.resolve("results")));

        try (HeadlessChromium chromium = HeadlessChromium.start(); DevToolsSession tab = chromium.openPage()) {
            tab.call("Runtime.enable", Map.of());
            tab.call("Page.enable", Map.of());
            tab.call("Page.navigate", Map.of("url", page.toUri().toString()));
            tab.awaitEvent("Page.loadEventFired");

            String console = tab.awaitEvent("Runtime.consoleAPICalled").path("args").path(0).path("value").asText();
            assertTrue(console.contains("a cat made of basil\na pig made of basil\na cat made of coral reef\n"
                    + "a pig made of coral reef"), console);

            assertShown(tab, "a cat made of basil \u2014 method 1", "concept/method1/cat-basil.png");

            press(tab, "ArrowDown", "ArrowDown", 40, null);
            assertShown(tab, "a cat made of coral reef \u2014 method 1", "concept/method1/cat-coral-reef.png");
            assertEquals("coral-reef", tab.evaluate("document.querySelector('#grid tr.selected').dataset.thing")
                    .asText());

            press(tab, "2", "Digit2", 50, "2");
            assertShown(tab, "a cat made of coral reef \u2014 method 2", "concept/method2/cat-coral-reef.png");

            press(tab, "ArrowRight", "ArrowRight", 39, null);
            press(tab, "ArrowUp", "ArrowUp", 38, null);
            assertEquals("a pig made of basil \u2014 method 2", caption(tab));
            assertTrue(tab.evaluate(SELECTED_LARGE + ".querySelector('.missing') !== null").asBoolean(),
                    "method 2 never rendered the pig made of basil: a placeholder is shown");

            press(tab, "1", "Digit1", 49, "1");
            assertShown(tab, "a pig made of basil \u2014 method 1", "concept/method1/pig-basil.png");

            press(tab, "3", "Digit3", 51, "3");
            press(tab, "ArrowDown", "ArrowDown", 40, null);
            assertShown(tab, "a pig made of coral reef \u2014 method 3", "concept/method3/pig-coral-reef.png");

            assertRankingTable(tab);
        }
    }

    private static void assertShown(DevToolsSession tab, String caption, String image) throws Exception {
        assertEquals(caption, caption(tab));
        assertEquals(image, tab.evaluate(SELECTED_LARGE + ".querySelector('img').getAttribute('src')").asText());
        // The image really loaded from beside the page: a wrong relative path would leave it empty.
        JsonNode width = tab.evaluate("new Promise(done => { const img = " + SELECTED_LARGE
                + ".querySelector('img'); img.complete ? done(img.naturalWidth)"
                + " : img.onload = img.onerror = () => done(img.naturalWidth); })");
        assertEquals(8, width.asInt(), image + " did not load");
    }

    private static String caption(DevToolsSession tab) throws Exception {
        return tab.evaluate("document.getElementById('caption').textContent").asText();
    }

    private static void assertRankingTable(DevToolsSession tab) throws Exception {
        assertEquals("run-3 run-1 run-0 run-2", tab.evaluate("Array.from(document.querySelectorAll("
                + "'.ranking table.best tbody tr td:nth-child(3)')).map(td => td.textContent).join(' ')").asText());
        assertEquals("0.3420", tab.evaluate("document.querySelector('.ranking table.best tbody td:nth-child(6)')"
                + ".textContent").asText());
        assertEquals(8, tab.evaluate("document.querySelector('.ranking img.thumb').naturalWidth").asInt());
        assertTrue(tab.evaluate("document.querySelector('.ranking a[href$=\"ranking.csv\"]').href").asText()
                .endsWith("/results/rank/a-red-apple/ranking.csv"));
    }

    private static void press(DevToolsSession tab, String key, String code, int keyCode, String text)
            throws Exception {
        Map<String, Object> down = text == null
                ? Map.of("type", "rawKeyDown", "key", key, "code", code, "windowsVirtualKeyCode", keyCode)
                : Map.of("type", "keyDown", "key", key, "code", code, "windowsVirtualKeyCode", keyCode, "text", text);
        tab.call("Input.dispatchKeyEvent", down);
        tab.call("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", key, "code", code,
                "windowsVirtualKeyCode", keyCode));
    }
}
