package dev.candor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportRenderingTest {

    private static final Pattern NUM_CELL = Pattern.compile(
            "<td class=\"num\">\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*</td>|<div class=\"v\">(-?[0-9]+(?:\\.[0-9]+)?)</div>");

    /** The numbers shown in the page's tables and summary cards, as printed. */
    static List<String> shownNumbers(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = NUM_CELL.matcher(html);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    /** Every number of the JSON document, rounded to 0..4 decimals as the page would print it. */
    static Set<String> jsonNumbersAsPrinted(String json) throws Exception {
        JsonNode root = new ObjectMapper().readTree(json);
        Set<String> out = new HashSet<>();
        List<JsonNode> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            JsonNode n = stack.remove(stack.size() - 1);
            if (n.isNumber()) {
                BigDecimal v = n.decimalValue();
                for (int d = 0; d <= 4; d++) {
                    out.add(v.setScale(d, RoundingMode.HALF_EVEN).toPlainString());
                    out.add(v.setScale(d, RoundingMode.HALF_UP).toPlainString());
                }
            }
            n.elements().forEachRemaining(stack::add);
        }
        return out;
    }

    /**
     * Checks that every number a page shows in a table or card is a number of the JSON, rounded;
     * returns how many were checked.
     */
    static int assertHtmlNumbersAreJsonNumbers(String html, String json) throws Exception {
        Set<String> printed = jsonNumbersAsPrinted(json);
        List<String> shown = shownNumbers(html);
        for (String s : shown) {
            String normal = s.equals("-0.0000") || s.equals("-0.000") ? s.substring(1) : s;
            assertThat(printed).as("number %s shown in the page is in the JSON", s).contains(normal);
        }
        return shown.size();
    }

    @Test
    void everySectionIsRenderedWithItsCharts() {
        Report r = SampleReports.full();
        String html = r.toHtml();
        for (String id : List.of("summary", "data", "performance", "fairness", "mitigation", "explanations",
                "methods")) {
            assertThat(html).contains("<section id=\"" + id + "\">");
        }
        for (String chart : List.of("data-0", "data-1", "roc-0", "scores-0", "calibration-0", "fairness-ratio-0",
                "fairness-difference-0", "mitigation", "shap-importance", "shap-beeswarm", "dependence-0",
                "dependence-1", "waterfall-0", "lime-0", "shap-group-0")) {
            assertThat(html).contains("<figure id=\"fig-" + chart + "\"").contains("<svg role='img' class='chart'");
        }
        assertThat(html).startsWith("<!DOCTYPE html>").contains("@media print");
    }

    @Test
    void aHostileColumnNameEndsUpAsText() {
        String html = SampleReports.full().toHtml();
        assertThat(html.toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        // No external fetches: no remote URL in src/href, no link or import.
        assertThat(html).doesNotContainPattern("(src|href)=[\"']?(https?:)?//").doesNotContain("<link")
                .doesNotContain("@import").doesNotContain("<img");
    }

    @Test
    void numbersInThePageAreTheJsonNumbers() throws Exception {
        Report r = SampleReports.full();
        int checked = assertHtmlNumbersAreJsonNumbers(r.toHtml(), r.toJson());
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void undefinedValuesAreNullWithTheirReasonInJsonAndADashInThePage() throws Exception {
        Report r = SampleReports.full();
        JsonNode root = new ObjectMapper().readTree(r.toJson());
        JsonNode fdr = root.at("/fairness/attributes/0/metrics/2");
        assertThat(fdr.get("key").asText()).isEqualTo("false_discovery_rate_ratio");
        assertThat(fdr.get("value").isNull()).isTrue();
        assertThat(fdr.get("reason").asText()).isEqualTo("NO_PREDICTED_POSITIVES");
        JsonNode g = root.at("/performance/attributes/0/groups/1");
        assertThat(g.get("positive_predictive_value").isNull()).isTrue();
        assertThat(g.at("/undefined/positive_predictive_value").asText()).isEqualTo("NO_PREDICTED_POSITIVES");
        assertThat(r.toHtml()).contains("— <small class=\"reason\">NO_PREDICTED_POSITIVES").doesNotContain("NaN");
    }

    @Test
    void textAndMimeBundleForNotebooks() {
        Report r = SampleReports.full();
        assertThat(r.toText()).contains("policy default: FAILED").contains("accuracy 0.812, AUC 0.877");
        assertThat(r.mimeBundle()).containsOnlyKeys("text/html", "text/plain");
    }

    @Test
    void renderingIsDeterministic() {
        assertThat(SampleReports.full().toHtml()).isEqualTo(SampleReports.full().toHtml());
    }
}
