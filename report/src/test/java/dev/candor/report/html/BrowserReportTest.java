package dev.candor.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.report.Report;
import dev.candor.report.SampleReports;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens rendered reports in headless Chromium and checks what a reader would see: the page loads
 * from disk with no console errors, no exceptions and no network request other than the file
 * itself; every chart has a drawn size; a hostile column name shows as text; and a full-page
 * screenshot contains a substantial area in the charts' colours.
 *
 * <p>Skipped when no Chromium is installed, unless {@code CANDOR_REQUIRE_BROWSER=1} (as in CI),
 * which turns a missing browser into a failure.
 */
public class BrowserReportTest {

    @TempDir
    Path dir;

    static Path chromiumOrSkip() {
        Optional<Path> exe = HeadlessChromium.find();
        if (exe.isEmpty()) {
            if ("1".equals(System.getenv("CANDOR_REQUIRE_BROWSER"))) {
                throw new AssertionError("CANDOR_REQUIRE_BROWSER=1 but no chromium was found on the PATH "
                        + "(install Debian's chromium package, or set CANDOR_CHROMIUM)");
            }
            Assumptions.abort("chromium is not installed; set CANDOR_REQUIRE_BROWSER=1 to make this a failure");
        }
        return exe.get();
    }

    /**
     * Loads a report file and checks it; returns the screenshot for further checks.
     *
     * @param html         the page on disk
     * @param minCharts    the number of charts the page must show
     * @param hostileText  text that must appear as text (not as markup), or null
     */
    public static BufferedImage checkInBrowser(Path html, int minCharts, String hostileText) throws Exception {
        Path exe = chromiumOrSkip();
        String url = html.toUri().toString();
        try (HeadlessChromium c = new HeadlessChromium(exe)) {
            c.call("Page.enable", Map.of());
            c.call("Network.enable", Map.of());
            c.call("Runtime.enable", Map.of());
            c.call("Log.enable", Map.of());
            c.call("Page.navigate", Map.of("url", url));
            c.await("Page.loadEventFired", 60);

            // Every request the page made: only the page itself.
            List<JsonNode> requests = c.eventsOf("Network.requestWillBeSent");
            assertThat(requests).isNotEmpty();
            for (JsonNode r : requests) {
                assertThat(r.path("request").path("url").asText()).as("network request").isEqualTo(url);
            }
            // No console errors, no uncaught exceptions, no error log entries.
            assertThat(c.eventsOf("Runtime.exceptionThrown")).as("exceptions").isEmpty();
            for (JsonNode m : c.eventsOf("Runtime.consoleAPICalled")) {
                assertThat(m.path("type").asText()).as("console message %s", m).isNotIn("error", "assert");
            }
            for (JsonNode e : c.eventsOf("Log.entryAdded")) {
                assertThat(e.path("entry").path("level").asText()).as("log entry %s", e).isNotEqualTo("error");
            }

            assertThat(c.eval("document.querySelectorAll('script').length").asInt()).isZero();
            int charts = c.eval("document.querySelectorAll('svg.chart').length").asInt();
            assertThat(charts).isGreaterThanOrEqualTo(minCharts);
            int drawn = c.eval("Array.from(document.querySelectorAll('svg.chart')).filter(s => {"
                    + " const b = s.getBoundingClientRect(); return b.width > 200 && b.height > 80; }).length").asInt();
            assertThat(drawn).as("charts with a drawn size").isEqualTo(charts);
            if (hostileText != null) {
                assertThat(c.eval("document.body.innerText.includes(" + jsString(hostileText) + ")").asBoolean())
                        .as("hostile text shown as text").isTrue();
            }

            JsonNode metrics = c.call("Page.getLayoutMetrics", Map.of());
            double width = metrics.path("cssContentSize").path("width").asDouble(1200);
            double height = metrics.path("cssContentSize").path("height").asDouble(900);
            JsonNode shot = c.call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            byte[] png = Base64.getDecoder().decode(shot.path("data").asText());
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(img.getHeight()).as("page height in pixels").isGreaterThan(300 * minCharts / 2);
            return img;
        }
    }

    /** The share of pixels close to a colour. */
    static double shareOfColour(BufferedImage img, int r, int g, int b) {
        long hits = 0;
        long total = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int p = img.getRGB(x, y);
                int dr = ((p >> 16) & 0xff) - r;
                int dg = ((p >> 8) & 0xff) - g;
                int db = (p & 0xff) - b;
                if (dr * dr + dg * dg + db * db < 30 * 30) {
                    hits++;
                }
                total++;
            }
        }
        return (double) hits / total;
    }

    private static String jsString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    void theCheckCatchesANetworkFetchAndAConsoleError() throws Exception {
        chromiumOrSkip();
        Path fetch = dir.resolve("fetch.html");
        Files.writeString(fetch, "<!DOCTYPE html><html><body><img src='http://127.0.0.1:9/x.png'></body></html>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> checkInBrowser(fetch, 0, null))
                .isInstanceOf(AssertionError.class).hasMessageContaining("network request");
        Path error = dir.resolve("error.html");
        Files.writeString(error, "<!DOCTYPE html><html><body><script>console.error('boom')</script></body></html>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> checkInBrowser(error, 0, null))
                .isInstanceOf(AssertionError.class).hasMessageContaining("console message");
    }

    @Test
    void sampleReportLoadsOfflineWithChartsDrawnAndHostileTextEscaped() throws Exception {
        Report r = SampleReports.full();
        Path html = dir.resolve("sample.html");
        Files.writeString(html, r.toHtml());
        BufferedImage img = checkInBrowser(html, 15, SampleReports.EVIL);
        // The charts' blue (0, 114, 178) and orange (213, 94, 0) bars and lines cover a visible area.
        assertThat(shareOfColour(img, 0, 114, 178)).isGreaterThan(0.002);
        assertThat(shareOfColour(img, 213, 94, 0)).isGreaterThan(0.002);
    }
}
