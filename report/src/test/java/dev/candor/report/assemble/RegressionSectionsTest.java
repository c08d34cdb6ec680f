package dev.candor.report.assemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.Fingerprint;
import dev.candor.core.Provenance;
import dev.candor.core.SharedData;
import dev.candor.fairness.Bootstrap;
import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.GroupAttribute;
import dev.candor.fairness.performance.PerformanceFrame;
import dev.candor.fairness.performance.PerformanceIntervals;
import dev.candor.fairness.performance.RegressionMetric;
import dev.candor.fairness.performance.RegressionSample;
import dev.candor.report.HtmlJsonCheck;
import dev.candor.report.Report;
import dev.candor.report.sections.RegressionSection;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The regression audit page on scikit-learn's golden Adult regression: its numbers are the golden ones. */
class RegressionSectionsTest {

    @Test
    void auditPageShowsTheGoldenErrorsByGroupAndResidualCharts() throws Exception {
        List<String> lines = Files.readAllLines(SharedData.golden("performance/adult_regression_predictions.csv"));
        int n = lines.size() - 1;
        double[] y = new double[n];
        double[] p = new double[n];
        String[] sex = new String[n];
        String[] race = new String[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            sex[i] = f[1];
            race[i] = f[2];
            y[i] = Double.parseDouble(f[3]);
            p[i] = Double.parseDouble(f[4]);
        }
        RegressionSample s = RegressionSample.of(y, p, null);
        List<GroupAttribute> attrs = List.of(GroupAttribute.of("sex", sex), GroupAttribute.of("race", race));
        List<PerformanceFrame<RegressionSample>> frames = attrs.stream()
                .map(a -> PerformanceFrame.of(s, a, RegressionMetric.available(s))).toList();
        BootstrapResult ci = PerformanceIntervals.rowMetrics(Bootstrap.builder().resamples(50).seed(1).build(), s,
                attrs.get(0), List.of(RegressionMetric.MEAN_ABSOLUTE_ERROR));
        RegressionSection section = RegressionSections.of("hours_per_week", "Measured on the golden predictions.",
                frames, Map.of("sex", ci), y, p, attrs, 7);
        Report r = RegressionSections.auditReport(section, null, null, "adult_regression_predictions.csv",
                "prediction", Provenance.of("test", Map.of(), null, Fingerprint.of(new double[][] {y, p})));
        String json = r.toJson();
        String html = r.toHtml();

        JsonNode golden = new ObjectMapper().readTree(SharedData.golden("performance/regression.json").toFile())
                .get("adult");
        JsonNode perf = new ObjectMapper().readTree(json).get("regression").get("performance");
        assertEquals(golden.get("overall.mean_absolute_error").asDouble(),
                perf.get("overall").get("mean_absolute_error").asDouble(), 1e-9);
        assertEquals(golden.get("protected.sex.groups.Female.r2_score").asDouble(),
                perf.get("protected").get("sex").get("groups").get("Female").get("r2").asDouble(), 1e-9);
        assertEquals(golden.get("protected.race.difference_between_groups.mean_absolute_error").asDouble(),
                perf.get("protected").get("race").get("difference_between_groups").get("mean_absolute_error")
                        .asDouble(), 1e-9);
        JsonNode femaleCi = perf.get("protected").get("sex").get("groups").get("Female").get("ci")
                .get("mean_absolute_error");
        assertThat(femaleCi.get("lower").asDouble()).isLessThan(
                perf.get("protected").get("sex").get("groups").get("Female").get("mean_absolute_error").asDouble());
        assertThat(new ObjectMapper().readTree(json).get("regression").get("metrics").get("sex")
                .get("mean_absolute_error_difference").asDouble()).isEqualTo(
                golden.get("protected.sex.difference_between_groups.mean_absolute_error").asDouble(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(html).contains("id=\"fig-residuals-0\"", "id=\"fig-residual-distribution-1\"",
                "Errors by group", "Amer-Indian-Eskimo");
        assertThat(HtmlJsonCheck.assertHtmlNumbersAreJsonNumbers(html, json)).isGreaterThan(20);
        // every group's residual density integrates to 1 over the shared bins
        for (RegressionSection.Residuals res : section.residuals()) {
            double w = res.edges()[1] - res.edges()[0];
            for (double[] d : res.density()) {
                double area = 0;
                for (double v : d) {
                    area += v * w;
                }
                assertEquals(1.0, area, 1e-9);
            }
        }
    }
}
