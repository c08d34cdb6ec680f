package dev.candor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.monitor.alert.Delivery;
import dev.candor.monitor.window.Cbpe;
import dev.candor.monitor.window.MonitoringResult;
import dev.candor.report.chart.Chart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The monitoring report on the golden Bank windows, checked against the golden file's own numbers. */
class MonitorHtmlTest {

    private static final JsonNode GOLDEN = BankMonitoringRun.golden();

    @Test
    void conceptShiftWindowsAreTheGoldenRealizedAlertsThatCbpeMisses() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String metric : Cbpe.METRICS) {
            List<String> keys = new ArrayList<>();
            for (JsonNode w : GOLDEN.get("windows")) {
                if (w.get("threshold_alerts").get(metric).get("alert").asBoolean()
                        && !w.get("cbpe").get("alert").get(metric).asBoolean()) {
                    keys.add(w.get("key").asText());
                }
            }
            if (!keys.isEmpty()) {
                expected.put(metric, keys);
            }
        }
        Map<String, List<String>> shift = MonitorHtml.conceptShift(BankMonitoringRun.result());
        assertThat(shift).isEqualTo(expected);
        // The README's finding: realized accuracy falls in the last windows while CBPE does not alert.
        assertThat(shift.get("accuracy")).containsExactly("[40000:44999]", "[45000:45210]");
    }

    @Test
    void heatMapHasOneCellPerFeatureAndWindowAndMarksTheGoldenDriftedCells() {
        Chart heat = MonitorHtml.charts(BankMonitoringRun.result()).get("drift-heatmap");
        int windows = GOLDEN.get("windows").size();
        assertThat(heat.marks()).isEqualTo(15 * windows);
        int drifted = 0;
        for (JsonNode w : GOLDEN.get("windows")) {
            drifted += w.get("dataset_drift").get("number_of_drifted_columns").asInt();
        }
        assertThat(count(heat.svg(), "ref='drifted'")).isEqualTo(drifted);
        assertThat(heat.description()).contains("(" + drifted + " of " + 15 * windows + ")");
        // Every row names the feature's default test.
        assertThat(heat.svg()).contains("age (wasserstein)").contains("poutcome (jensenshannon)");
    }

    @Test
    void everyWatchedMetricHasAChartWithItsThresholdsAndBreachingWindows() {
        MonitoringResult r = BankMonitoringRun.result();
        Map<String, Chart> charts = MonitorHtml.charts(r);
        int windows = r.windows().size();
        // Realized and estimated accuracy: two series, one point per defined value.
        Chart acc = charts.get("perf-accuracy");
        assertThat(acc.marks()).isEqualTo(2 * windows);
        assertThat(acc.svg()).contains("realized").contains("estimated (CBPE)").contains("breaching window");
        JsonNode t = GOLDEN.get("cbpe").get("thresholds").get("accuracy");
        assertThat(acc.description()).contains(String.format(java.util.Locale.ROOT, "[%.4f, %.4f]",
                t.get("lower").asDouble(), t.get("upper").asDouble()));
        // drift_share is watched with a fixed max of 0.5 and drawn in the watched-metrics section.
        Chart share = charts.values().stream().filter(c -> c.title().equals("drift_share")).findFirst().orElseThrow();
        assertThat(share.description()).contains("fixed").contains("upper 0.5000");
        // Every threshold's metric is drawn somewhere: watched charts, the CBPE pairs, or fairness over time.
        String all = String.join("\n", charts.values().stream().map(c -> c.title() + " " + c.svg()).toList());
        for (String metric : r.thresholds().keySet()) {
            String base = metric.replaceFirst("^estimated\\.", "");
            String name = base.substring(base.lastIndexOf('.') + 1);
            assertThat(all).as(metric).contains(name);
        }
        // Fairness over time: age_group has AIF360's four and fairlearn's two metrics, marital fairlearn's two.
        assertThat(charts.keySet().stream().filter(k -> k.startsWith("fair-0-"))).hasSize(6);
        assertThat(charts.keySet().stream().filter(k -> k.startsWith("fair-1-"))).hasSize(2);
    }

    @Test
    void pageHasEverySectionAlertAndDeliveryAndEscapesData() {
        MonitoringResult r = BankMonitoringRun.result();
        List<Delivery> deliveries = List.of(new Delivery("webhook", "http://127.0.0.1:9/<x>", false, 3,
                "connection refused <b>"), new Delivery("prometheus", "out.prom", true, 1, null));
        String html = MonitorHtml.page(r, deliveries);
        // Self-contained: no scripts, no external resources (the SVG namespaces are names, not fetches).
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("<link")
                .doesNotContain("<img").doesNotContain("src=").doesNotContain("url(http");
        assertThat(html).contains("id=\"summary\"", "id=\"watched\"", "id=\"drift\"", "id=\"performance\"",
                "id=\"fairness\"", "id=\"alerts\"", "id=\"methods\"");
        assertThat(html).contains("<b>accuracy</b> in [40000:44999], [45000:45210]");
        assertThat(html).contains("http://127.0.0.1:9/&lt;x&gt;").contains("connection refused &lt;b&gt;")
                .doesNotContain("<x>").doesNotContain("refused <b>");
        // One table row per alert, and the exit status of a breach.
        assertThat(count(html, "<tr><td class=\"mono\">" + r.alerts().get(0).rule())).isPositive();
        assertThat(r.breached()).isTrue();
        assertThat(html).contains("exits with status 3");
        int svgs = count(html, "<svg role='img' class='chart'");
        assertThat(svgs).isEqualTo(MonitorHtml.charts(r).size());
        String fragment = MonitorHtml.fragment(r, List.of());
        assertThat(fragment).startsWith("<div class=\"candor-report\">").doesNotContain("<html");
    }

    static int count(String s, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
