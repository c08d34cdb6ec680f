package dev.candor.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.monitor.alert.Delivery;
import dev.candor.monitor.window.MonitoringResult;
import dev.candor.report.BankMonitoringRun;
import dev.candor.report.MonitorHtml;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring report of the golden Bank windows in headless Chromium: it loads offline with no
 * console error and no request but the file itself, every chart of the page is drawn with a real
 * size, a hostile delivery error shows as text, and the breach and drift colours cover a visible area.
 * Skipped without Chromium unless {@code CANDOR_REQUIRE_BROWSER=1}.
 */
class MonitorBrowserTest {

    @TempDir
    Path dir;

    @Test
    void bankMonitoringReportRendersEveryChartOffline() throws Exception {
        BrowserReportTest.chromiumOrSkip();
        MonitoringResult r = BankMonitoringRun.result();
        String hostile = "<img src=x onerror=alert(1)>";
        Path html = dir.resolve("bank-monitoring.html");
        Files.writeString(html, MonitorHtml.page(r, List.of(new Delivery("webhook", "http://127.0.0.1:9/hook", false,
                3, hostile))));
        int charts = MonitorHtml.charts(r).size();
        assertThat(charts).isGreaterThanOrEqualTo(20);
        BufferedImage img = BrowserReportTest.checkInBrowser(html, charts, hostile);
        // Drifted heat-map cells and breach columns in orange (213, 94, 0), series in blue (0, 114, 178).
        assertThat(BrowserReportTest.shareOfColour(img, 213, 94, 0)).isGreaterThan(0.002);
        assertThat(BrowserReportTest.shareOfColour(img, 0, 114, 178)).isGreaterThan(0.001);
    }
}
