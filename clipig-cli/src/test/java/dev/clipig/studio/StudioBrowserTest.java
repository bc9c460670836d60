package dev.clipig.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipig.browser.DevToolsSession;
import dev.clipig.browser.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio's page in a real headless Chromium: a typo shows at its line as it is typed (Tab indents,
 * Ctrl+S saves), a toy render
 * grows live, stops, and comes back from the run list. With {@code -Dstudio.screenshot=FILE} it also
 * saves the page mid-render (the README's picture), once the image has grown.
 */
class StudioBrowserTest {
    private static final String TYPO = "featurs";
    /** DevTools' modifier bit for Ctrl. */
    private static final int CTRL = 2;
    private static final String LOSS_POINTS = "document.querySelector('#plot-loss polyline').points.numberOfItems";

    @TempDir
    Path workspace;

    @Test
    void editRenderWatchStopAndReopen() throws Exception {
        try (Studio studio = ToyStudio.start(workspace);
             HeadlessChromium chromium = HeadlessChromium.start();
             DevToolsSession tab = chromium.openPage()) {
            tab.call("Page.enable", Map.of());
            tab.call("Emulation.setDeviceMetricsOverride", Map.of("width", 1400, "height", 860,
                    "deviceScaleFactor", 1, "mobile", false));
            tab.call("Page.navigate", Map.of("url", studio.address().toString()));
            tab.awaitEvent("Page.loadEventFired");
            waitFor(tab, "document.getElementById('status').textContent === 'ready'");

            // A typo, typed: the reader's message shows at its line.
            String typed = ToyStudio.CONFIG.replace("features:", TYPO + ":");
            int at = typed.indexOf(TYPO);
            long line = typed.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            assertEquals(11, line);
            tab.evaluate("document.getElementById('text').focus()");
            key(tab, "Tab", "Tab", 9, 0);
            assertEquals("  ", tab.evaluate("document.getElementById('text').value").asText(), "Tab indents");
            tab.evaluate("document.getElementById('text').select()");
            tab.call("Input.insertText", Map.of("text", typed));
            waitFor(tab, "document.querySelector('#lines .error') !== null");
            assertEquals(Long.toString(line), text(tab, "#lines .error"));
            String problem = text(tab, "#problem");
            assertTrue(problem.startsWith("line " + line + ": targets[0]." + TYPO + ": unknown key"), problem);
            assertTrue(problem.contains("did you mean 'features'?"), problem);
            assertTrue(tab.evaluate("!document.getElementById('band').hidden").asBoolean(), "the line is marked");

            // Fixed by typing over the typo; then saved into the workspace.
            tab.evaluate("document.getElementById('text').setSelectionRange(" + at + ", " + (at + TYPO.length()) + ")");
            tab.call("Input.insertText", Map.of("text", "features"));
            waitFor(tab, "document.getElementById('problem').className === 'ok'");
            assertEquals("reads fine: 2000 epochs", text(tab, "#problem"));
            assertEquals(0, tab.evaluate("document.querySelectorAll('#lines .error').length").asInt());
            tab.evaluate("document.getElementById('name').value = 'red-circle.yaml'");
            key(tab, "s", "KeyS", 83, CTRL);
            waitFor(tab, "document.getElementById('status').textContent === 'saved red-circle.yaml'");
            assertEquals(ToyStudio.CONFIG, Files.readString(workspace.resolve("red-circle.yaml")));

            // Start: the image changes at least twice and the plots grow while it renders.
            tab.evaluate("window.seen = new Set(); new MutationObserver(() => seen.add(document.getElementById('image')"
                    + ".src)).observe(document.getElementById('image'), {attributes: true, attributeFilter: ['src']})");
            click(tab, "start");
            waitFor(tab, "seen.size >= 3");
            waitFor(tab, "document.querySelector('#plot-loss polyline') !== null");
            int points = tab.evaluate(LOSS_POINTS).asInt();
            waitFor(tab, LOSS_POINTS + " > " + points);
            assertTrue(tab.evaluate("document.querySelectorAll('#plot-similarity polyline').length === 1"
                    + " && document.querySelector('#plot-learnrate polyline').points.numberOfItems > 1").asBoolean());
            assertEquals("a red circle on white", text(tab, "#legend span"));
            assertEquals("pixelated", tab.evaluate("getComputedStyle(document.getElementById('image')).imageRendering")
                    .asText());
            assertTrue(tab.evaluate("document.getElementById('start').disabled").asBoolean(), "one render at a time");
            screenshotIfAsked(tab);

            click(tab, "stop");
            waitFor(tab, "document.getElementById('status').textContent.includes(': stopped, epoch')");
            waitFor(tab, "document.querySelector('#runs li small')?.textContent.startsWith('stopped')");
            assertEquals(1, tab.evaluate("document.querySelectorAll('#runs li').length").asInt());
            Path run;
            try (var runs = Files.list(workspace.resolve("runs"))) {
                run = runs.findFirst().orElseThrow();
            }
            int steps = Files.readAllLines(run.resolve("steps.jsonl")).size();

            // Another config in the editor, then the run reopened with one click: its config, image and plots.
            tab.evaluate("document.getElementById('text').value = ''; document.getElementById('image').src = ''");
            tab.evaluate("document.querySelector('#runs li button').click()");
            waitFor(tab, "document.getElementById('text').value.length > 0");
            assertEquals(ToyStudio.CONFIG, tab.evaluate("document.getElementById('text').value").asText());
            assertEquals(steps, tab.evaluate(LOSS_POINTS).asInt(), "every step of the run is plotted");
            JsonNode width = tab.evaluate("new Promise(done => { const img = document.getElementById('image');"
                    + " img.complete && img.naturalWidth ? done(img.naturalWidth)"
                    + " : img.onload = img.onerror = () => done(img.naturalWidth); })");
            assertTrue(width.asInt() >= 8, "the run's image loaded: " + width);
            assertTrue(tab.evaluate("document.getElementById('image').src").asText().contains("/api/run/image?id="));
        }
    }

    private static void key(DevToolsSession tab, String key, String code, int keyCode, int modifiers) throws Exception {
        for (String type : new String[] {"rawKeyDown", "keyUp"}) {
            tab.call("Input.dispatchKeyEvent", Map.of("type", type, "key", key, "code", code,
                    "windowsVirtualKeyCode", keyCode, "modifiers", modifiers));
        }
    }

    private static void click(DevToolsSession tab, String button) throws Exception {
        tab.evaluate("document.getElementById('" + button + "').click()");
    }

    private static String text(DevToolsSession tab, String selector) throws Exception {
        return tab.evaluate("document.querySelector('" + selector + "').textContent").asText();
    }

    /**
     * Waits until a JavaScript condition holds in the page: up to a minute, for a machine busy with
     * other builds (it usually holds within a second).
     */
    private static void waitFor(DevToolsSession tab, String condition) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String check = "(() => { try { return !!(" + condition + "); } catch (e) { return false; } })()";
        while (!tab.evaluate(check).asBoolean()) {
            assertTrue(System.nanoTime() < until, "the page never showed: " + condition);
            Thread.sleep(25);
        }
    }

    private static void screenshotIfAsked(DevToolsSession tab) throws Exception {
        String file = System.getProperty("studio.screenshot");
        if (file == null) return;
        waitFor(tab, "document.getElementById('progress').textContent.match(/epoch (\\d+)/)?.[1] >= 180");
        Thread.sleep(EventStream.IMAGE_MS * 2);
        JsonNode shot = tab.call("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(Path.of(file), Base64.getDecoder().decode(shot.get("data").asText()));
    }
}
