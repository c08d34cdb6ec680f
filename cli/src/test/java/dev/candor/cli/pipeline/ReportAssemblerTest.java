package dev.candor.cli.pipeline;

import dev.candor.report.chart.Chart;
import dev.candor.report.html.ReportCharts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.datasets.Dataset;
import dev.candor.datasets.Datasets;
import dev.candor.datasets.ProtectedAttribute;
import dev.candor.datasets.SyntheticCredit;
import dev.candor.report.HtmlJsonCheck;
import dev.candor.report.Report;
import dev.candor.report.html.BrowserReportTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end reports on the synthetic credit data and on German credit. The references are
 * closed forms recomputed from the report's own confusion counts (statistical parity difference,
 * disparate impact, accuracy), SHAP's efficiency property (Σφ = f(x) − E[f(x)]), the exact
 * decomposition of the gap in mean predictions by mean SHAP values, and the synthetic generator's
 * documented bias (a 0.15 drop in approval probability for {@code female}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportAssemblerTest {

    private Report synthetic;
    private JsonNode syntheticJson;
    private String syntheticHtml;

    @BeforeAll
    void renderSynthetic() throws Exception {
        synthetic = ReportAssembler.builder(SyntheticCredit.generate()).seed(42).explainRows(120).build().run();
        syntheticHtml = synthetic.toHtml();
        syntheticJson = new ObjectMapper().readTree(synthetic.toJson());
    }

    @Test
    void syntheticReportHasEverySectionAndItsCharts() {
        for (String id : List.of("summary", "data", "performance", "fairness", "mitigation", "explanations",
                "methods")) {
            assertThat(syntheticHtml).contains("<section id=\"" + id + "\">");
        }
        for (String chart : List.of("data-0", "data-1", "roc-0", "roc-1", "scores-0", "calibration-0",
                "fairness-ratio-0", "fairness-difference-0", "mitigation", "shap-importance", "shap-beeswarm",
                "dependence-0", "dependence-2", "waterfall-0", "lime-0", "shap-group-0")) {
            assertThat(syntheticHtml).contains("<figure id=\"fig-" + chart + "\"");
        }
        assertThat(syntheticHtml.split("<svg role='img' class='chart'", -1).length - 1).isGreaterThanOrEqualTo(20);
    }

    @Test
    void syntheticNumbersInTheHtmlAreTheJsonNumbers() throws Exception {
        assertThat(HtmlJsonCheck.assertHtmlNumbersAreJsonNumbers(syntheticHtml, synthetic.toJson()))
                .isGreaterThan(200);
    }

    @Test
    void fairnessMetricsMatchTheirClosedFormsFromTheConfusionCounts() {
        JsonNode groups = syntheticJson.at("/performance/attributes/0/groups");
        assertThat(syntheticJson.at("/performance/attributes/0/attribute").asText()).isEqualTo("sex");
        Map<String, double[]> sr = new HashMap<>();
        long tp = 0;
        long tn = 0;
        long n = 0;
        for (JsonNode g : groups) {
            double count = g.get("count").asDouble();
            sr.put(g.get("group").asText(), new double[] {(g.get("tp").asDouble() + g.get("fp").asDouble()) / count});
            assertThat(g.get("selection_rate").asDouble())
                    .isCloseTo((g.get("tp").asDouble() + g.get("fp").asDouble()) / count, within(1e-12));
            tp += g.get("tp").asLong();
            tn += g.get("tn").asLong();
            n += g.get("count").asLong();
        }
        double spd = sr.get("female")[0] - sr.get("male")[0];
        double di = sr.get("female")[0] / sr.get("male")[0];
        assertThat(metric("sex", "statistical_parity_difference").get("value").asDouble()).isCloseTo(spd, within(1e-12));
        assertThat(metric("sex", "disparate_impact").get("value").asDouble()).isCloseTo(di, within(1e-12));
        assertThat(syntheticJson.at("/summary/accuracy").asDouble()).isCloseTo((double) (tp + tn) / n, within(1e-12));
        assertThat(n).isEqualTo(syntheticJson.at("/summary/test_rows").asLong());
        // Every defined interval contains its value.
        for (JsonNode m : syntheticJson.at("/fairness/attributes/0/metrics")) {
            if (!m.get("ci_low").isNull() && !m.get("value").isNull()) {
                assertThat(m.get("value").asDouble()).as(m.get("key").asText())
                        .isBetween(m.get("ci_low").asDouble() - 1e-12, m.get("ci_high").asDouble() + 1e-12);
            }
        }
    }

    @Test
    void theDataShowTheGeneratorsBiasAndReweighingNarrowsTheGap() {
        // SyntheticCredit lowers the approval probability of female rows by 0.15, so the label base rates
        // differ by about 0.15; 3 standard errors of a difference of proportions over 5,000 rows is < 0.05.
        JsonNode sex = syntheticJson.at("/data/attributes/0/groups");
        double male = 0;
        double female = 0;
        for (JsonNode g : sex) {
            if (g.get("group").asText().equals("male")) {
                male = g.get("base_rate").asDouble();
            } else {
                female = g.get("base_rate").asDouble();
            }
        }
        assertThat(male - female).isCloseTo(SyntheticCredit.DEFAULT_BIAS, within(0.05));
        assertThat(syntheticJson.at("/summary/verdicts/0/passed").asBoolean()).isFalse();
        JsonNode rows = syntheticJson.at("/mitigation/rows");
        // The "before" model of the comparison is the report's model: same trainer, same seed, same rows.
        assertThat(rows.get(0).get("key").asText()).isEqualTo("accuracy");
        assertThat(rows.get(0).get("before").asDouble()).isEqualTo(syntheticJson.at("/summary/accuracy").asDouble());
        for (JsonNode r : rows) {
            if (r.get("key").asText().equals("training_label_parity_difference")) {
                // Kamiran-Calders: the weighted training labels have no parity gap (to rounding).
                assertThat(r.get("after").asDouble()).isCloseTo(0.0, within(1e-12));
            }
            if (r.get("key").asText().equals("statistical_parity_difference")) {
                assertThat(Math.abs(r.get("after").asDouble())).isLessThan(Math.abs(r.get("before").asDouble()) / 2);
            }
        }
    }

    @Test
    void shapValuesAreEfficientAndMeanShapSplitsTheGroupGap() {
        double base = syntheticJson.at("/explanations/base_value").asDouble();
        for (JsonNode l : syntheticJson.at("/explanations/local")) {
            double sum = base;
            for (JsonNode v : l.get("shap")) {
                sum += v.asDouble();
            }
            assertThat(sum).isCloseTo(l.get("prediction").asDouble(), within(1e-9));
        }
        JsonNode sex = syntheticJson.at("/explanations/by_group/0");
        double[] gap = new double[1];
        JsonNode a = sex.at("/mean_shap/0");
        JsonNode b = sex.at("/mean_shap/1");
        for (int j = 0; j < a.size(); j++) {
            gap[0] += a.get(j).asDouble() - b.get(j).asDouble();
        }
        double predGap = sex.at("/mean_prediction/0").asDouble() - sex.at("/mean_prediction/1").asDouble();
        assertThat(gap[0]).isCloseTo(predGap, within(1e-9));
        // zip_region is the generator's proxy of sex (it does not enter the label): it carries the gap.
        assertThat(sex.get("largest_shift").asText()).isEqualTo("zip_region");
    }

    @Test
    void theSameSeedGivesTheSameReport() {
        Report again = ReportAssembler.builder(SyntheticCredit.generate()).seed(42).explainRows(120).build().run();
        assertThat(again.toJson().replaceAll("\"created_at\" : \"[^\"]+\"", ""))
                .isEqualTo(synthetic.toJson().replaceAll("\"created_at\" : \"[^\"]+\"", ""));
    }

    @Test
    void theSyntheticReportLoadsInABrowser(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("synthetic.html");
        Files.writeString(html, syntheticHtml);
        BrowserReportTest.checkInBrowser(html, 20, null);
    }

    @Test
    void germanCreditReport() throws Exception {
        Dataset german = Datasets.load("german");
        Report r = ReportAssembler.builder(german).seed(7).explainRows(60).build().run();
        String html = r.toHtml();
        JsonNode json = new ObjectMapper().readTree(r.toJson());
        for (String id : List.of("summary", "data", "performance", "fairness", "mitigation", "explanations",
                "methods")) {
            assertThat(html).contains("<section id=\"" + id + "\">");
        }
        assertThat(HtmlJsonCheck.assertHtmlNumbersAreJsonNumbers(html, r.toJson())).isGreaterThan(200);
        assertThat(json.at("/summary/train_rows").asLong() + json.at("/summary/test_rows").asLong()).isEqualTo(1000);
        // The data section counts the loader's groups exactly.
        ProtectedAttribute first = german.protectedAttributes().get(0);
        JsonNode groups = json.at("/data/attributes/0/groups");
        for (JsonNode g : groups) {
            assertThat(g.get("count").asInt()).isEqualTo(first.counts().get(g.get("group").asText()));
        }
        assertThat(json.at("/explanations/features").size()).isEqualTo(german.features().size());
        assertThat(html).contains("<figure id=\"fig-shap-beeswarm\"");
        assertThat(html.split("<svg role='img' class='chart'", -1).length - 1).isGreaterThanOrEqualTo(20);
        // Every chart's SVG is well-formed XML (the page itself is HTML, each chart is parsed alone).
        for (dev.candor.report.chart.Chart c : dev.candor.report.html.ReportCharts.of(r).values()) {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(c.svg())));
        }
    }

    @Test
    void aSingleGroupAttributeIsRejectedWithAnActionableMessage() {
        Dataset d = SyntheticCredit.builder().rows(200).build().dataset();
        String[] same = new String[d.rows()];
        java.util.Arrays.fill(same, "everyone");
        Dataset.Builder b = Dataset.builder(d.name()).features(d.features(), d.x())
                .labels(d.labelName(), d.favorableValue(), d.labels())
                .protectedAttribute(ProtectedAttribute.of("group", same, "everyone"));
        Dataset one = b.build();
        assertThatThrownBy(() -> ReportAssembler.builder(one).build().run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'group'")
                .hasMessageContaining("single group");
    }

    private JsonNode metric(String attribute, String key) {
        for (JsonNode a : syntheticJson.at("/fairness/attributes")) {
            if (a.get("attribute").asText().equals(attribute)) {
                for (JsonNode m : a.get("metrics")) {
                    if (m.get("key").asText().equals(key)) {
                        return m;
                    }
                }
            }
        }
        throw new AssertionError("no metric " + key + " for " + attribute);
    }

    @Test
    void mitigationSectionComparesReweighingAndPostProcessingOnTheSameTestRows() {
        var mi = synthetic.mitigation();
        assertThat(mi.tradeOff()).extracting(r -> r.method()).containsExactly("unmitigated", "reweighing (retrained)",
                "threshold optimizer (equalized odds)", "reject option (SPD within ±0.05)",
                "equalized-odds post-processing", "calibrated equalized odds (weighted)");
        Map<String, Double> before = new HashMap<>();
        Map<String, Double> after = new HashMap<>();
        mi.rows().forEach(r -> {
            before.put(r.key(), r.before());
            after.put(r.key(), r.after());
        });
        var none = mi.tradeOff().get(0);
        // The unmitigated row is the before column, computed again from the same test scores.
        assertThat(none.accuracy()).isCloseTo(before.get("accuracy"), within(1e-12));
        assertThat(none.statisticalParityDifference())
                .isCloseTo(before.get("statistical_parity_difference"), within(1e-12));
        assertThat(none.equalizedOddsDifference()).isCloseTo(before.get("equalized_odds_difference"), within(1e-12));
        assertThat(mi.tradeOff().get(1).accuracy()).isEqualTo(after.get("accuracy"));
        for (var r : mi.tradeOff().subList(2, 6)) {
            assertThat(r.accuracyLower()).as(r.method()).isLessThanOrEqualTo(r.accuracyUpper());
        }
        assertThat(mi.tradeOffDescription()).contains("training rows");
        assertThat(syntheticHtml).contains("<figure id=\"fig-mitigation-tradeoff\"")
                .contains("Reweighing and post-processing compared");
    }
}
