package dev.candor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.report.chart.Chart;
import dev.candor.report.chart.Charts;
import dev.candor.report.sections.ExplanationSection;
import dev.candor.report.sections.PerformanceSection;
import dev.candor.report.sections.ScoreCurves;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Presentation defects of the report that must stay fixed. */
class PresentationTest {

    @Test
    void aWaterfallBelowItsBaseValueStillShowsTheBaseValueLine() {
        // every contribution lowers the output: f(x) = 0.2 < E[f(x)] = 0.5
        Chart w = Charts.waterfall("wf-low", "Row 9", new String[] {"a = 1", "b = 2"}, new double[] {-0.2, -0.1},
                0.5, 5);
        assertThat(w.svg()).contains("E[f(x)] = 0.500").contains("f(x) = 0.200");
        Chart up = Charts.waterfall("wf-high", "Row 1", new String[] {"a = 1", "b = 2"}, new double[] {0.2, 0.1},
                0.5, 5);
        assertThat(up.svg()).contains("E[f(x)] = 0.500").contains("f(x) = 0.800");
    }

    @Test
    void theBeeswarmHasAColourKey() {
        double[][] shap = {{0.1, -0.2}, {0.3, 0.1}, {-0.1, 0.0}};
        double[][] x = {{1, 5}, {2, 6}, {3, 7}};
        Chart b = Charts.beeswarm("bees", "SHAP summary", new String[] {"a", "b"}, shap, x, 5);
        assertThat(b.svg()).contains("feature value: low \u2192 high");
    }

    @Test
    void calibrationLeavesOutTinyBins() {
        int[] y = new int[23];
        double[] s = new double[23];
        for (int i = 0; i < 20; i++) {
            s[i] = 0.15;              // 20 rows in bin 1
            y[i] = i < 3 ? 1 : 0;
        }
        s[20] = 0.95;                 // one row in bin 9 and two in bin 5
        y[20] = 0;
        s[21] = 0.55;
        s[22] = 0.56;
        PerformanceSection.Curve all = ScoreCurves.calibration(y, s, 10);
        PerformanceSection.Curve kept = ScoreCurves.calibration(y, s, 10, 10);
        assertThat(all.y()[9]).isEqualTo(0.0);
        assertThat(kept.y()[9]).isNaN();
        assertThat(kept.y()[5]).isNaN();
        assertThat(kept.y()[1]).isEqualTo(3.0 / 20);
    }

    @Test
    void theGlobalImportanceTableIsSortedLikeItsChart() {
        Report sample = SampleReports.full();
        ExplanationSection e = sample.explanations();
        // the same section with its importances in an unsorted order
        double[] importance = {0.01, 0.05, 0.02, 0.03};
        ExplanationSection shuffled = new ExplanationSection(e.features(), e.baseValue(), e.explainedRows(), importance,
                new double[] {0.001, 0.005, 0.002, 0.003}, e.shapValues(), e.featureValues(), e.dependenceFeatures(),
                e.local(), e.byGroup());
        String html = Report.builder().summary(sample.summary()).data(sample.data()).performance(sample.performance())
                .fairness(sample.fairness()).mitigation(sample.mitigation()).explanations(shuffled)
                .methods(sample.methods()).createdAt(sample.createdAt()).build().toHtml();
        int from = html.indexOf("<h3>Global importance</h3>");
        String table = html.substring(from, html.indexOf("</table>", from));
        Matcher m = Pattern.compile("<tr>\\s*<td>[^<]*</td>\\s*<td class=\"num\">\\s*([0-9.]+)\\s*</td>").matcher(table);
        List<Double> shown = new ArrayList<>();
        while (m.find()) {
            shown.add(Double.parseDouble(m.group(1)));
        }
        assertThat(shown).containsExactly(0.05, 0.03, 0.02, 0.01);
    }

    @Test
    void timestampsHaveNoFractionOfASecond() {
        Report r = Report.builder().summary(SampleReports.full().summary()).build();
        assertThat(r.createdAt().getNano()).isZero();
        assertThat(dev.candor.core.Provenance.of("test", java.util.Map.of(), null, null).createdAt().getNano()).isZero();
    }
}
