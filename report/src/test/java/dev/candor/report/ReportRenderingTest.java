package dev.candor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportRenderingTest {

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
        int checked = HtmlJsonCheck.assertHtmlNumbersAreJsonNumbers(r.toHtml(), r.toJson());
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
        // in the page the reason is words, not the enum name
        assertThat(r.toHtml()).contains("— <small class=\"reason\">no predicted positives").doesNotContain("NaN")
                .doesNotContain(">NO_PREDICTED_POSITIVES");
    }

    @Test
    void textAndMimeBundleForNotebooks() {
        Report r = SampleReports.full();
        assertThat(r.toText()).contains("policy default: FAILED").contains("accuracy 0.812, AUC 0.877");
        assertThat(r.mimeBundle()).containsOnlyKeys("text/html", "text/plain");
        String fragment = r.mimeBundle().get("text/html");
        assertThat(fragment.strip()).startsWith("<div class=\"candor-report\">").endsWith("</div>")
                .doesNotContain("<html").doesNotContain("<body");
        // Every style rule of the fragment is scoped to the report, so a notebook page keeps its own look.
        String css = fragment.substring(fragment.indexOf("<style>") + 7, fragment.indexOf("</style>"));
        for (String rule : css.replaceAll("@media print \\{", "").split("}")) {
            String selector = rule.contains("{") ? rule.substring(0, rule.indexOf('{')).strip() : "";
            if (!selector.isEmpty()) {
                for (String sel : selector.split(",")) {
                    assertThat(sel.strip()).as("CSS selector").startsWith(".candor-report");
                }
            }
        }
    }

    @Test
    void renderingIsDeterministic() {
        assertThat(SampleReports.full().toHtml()).isEqualTo(SampleReports.full().toHtml());
    }
}
