package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.report.html.BrowserReportTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code candor monitor --html} on the built-in drifting log: the JSON is written, then the report,
 * which shows every window and alert of the JSON and renders in headless Chromium with every chart
 * drawn, no console error and no network request (skipped without Chromium unless
 * {@code CANDOR_REQUIRE_BROWSER=1}).
 */
class MonitorReportCommandTest {

    @TempDir
    Path tmp;

    @Test
    void builtInDriftingLogReportRendersEveryChart() throws Exception {
        Path json = tmp.resolve("stream.json");
        Path html = tmp.resolve("stream.html");
        CliRun r = CliRun.of("monitor", "--bootstrap", "20", "--json", json.toString(), "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(CandorCli.EXIT_POLICY_VIOLATION);
        JsonNode out = new ObjectMapper().readTree(json.toFile());
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").doesNotContain("<script");
        // Every window key and the alert count of the JSON are on the page.
        for (JsonNode w : out.get("windows")) {
            assertThat(page).contains(">" + w.get("key").asText() + "<");
        }
        assertThat(page).contains("<div class=\"k\">Alerts</div><div class=\"v\">" + out.get("alerts").size() + "<");
        assertThat(page).contains("exits with status 3");
        int charts = page.split("<svg role='img' class='chart'", -1).length - 1;
        // watched metrics, heat map, distributions, realized vs estimated, fairness of sex over time
        assertThat(charts).isGreaterThanOrEqualTo(15);
        assertThat(page).contains("id='drift-heatmap'").contains("id='perf-accuracy'").contains("id='fair-0-0'");
        BrowserReportTest.checkInBrowser(html, charts, null);
    }

    @Test
    void htmlAndJsonMayNotNameTheSameFile() {
        Path same = tmp.resolve("out.json");
        CliRun r = CliRun.of("monitor", "--bootstrap", "0", "--json", same.toString(), "--html", same.toString());
        assertThat(r.exit()).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--html").contains("--json");
        assertThat(Files.exists(same)).isFalse();
    }
}
