package dev.candor.report;

import dev.candor.report.sections.DataSection;
import dev.candor.report.sections.ExplanationSection;
import dev.candor.report.sections.FairnessSection;
import dev.candor.report.sections.MethodsSection;
import dev.candor.report.sections.MitigationSection;
import dev.candor.report.sections.PerformanceSection;
import dev.candor.report.sections.SummarySection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report with every section filled from small hand-made numbers, for testing the rendering on
 * its own. The protected attribute is deliberately named like a script tag, to prove escaping.
 */
public final class SampleReports {

    /** The hostile attribute name used by the sample. */
    public static final String EVIL = "<script>alert(1)</script>";

    private SampleReports() {
    }

    /** @return the sample report */
    public static Report full() {
        double nan = Double.NaN;
        SummarySection summary = new SummarySection("Candor fairness report", "sample", "A hand-made sample.",
                "logistic regression", 700, 300, 0.81234, 0.8765, "default", false, List.of(
                        new SummarySection.Verdict(EVIL, "a", false, List.of("disparate_impact"),
                                "fails: disparate impact 0.7143 is below 0.8."),
                        new SummarySection.Verdict("age", "old", true, List.of(), "passes every rule.")),
                List.of("By " + EVIL + ", zip_risk carries the largest difference in mean SHAP values."));
        DataSection data = new DataSection(300, "y", "1", 0.6, List.of(
                new DataSection.AttributeGroups(EVIL, "a", List.of(new DataSection.GroupRow("a", 200, 0.6667, 0.65),
                        new DataSection.GroupRow("b & c", 100, 0.3333, 0.5))),
                new DataSection.AttributeGroups("age", "old", List.of(new DataSection.GroupRow("old", 250, 0.8333, 0.62),
                        new DataSection.GroupRow("young", 50, 0.1667, 0.5)))));
        double[] edges = {0, 0.25, 0.5, 0.75, 1};
        PerformanceSection.Curve roc = new PerformanceSection.Curve(new double[] {0, 0.1, 0.3, 1},
                new double[] {0, 0.5, 0.8, 1});
        PerformanceSection.Curve cal = new PerformanceSection.Curve(new double[] {0.1, 0.4, 0.6, 0.9},
                new double[] {0.12, 0.35, 0.66, 0.88});
        PerformanceSection perf = new PerformanceSection(0.5, edges, List.of(
                new PerformanceSection.AttributePerformance(EVIL, List.of(
                        new PerformanceSection.GroupPerformance("a", 200, 110, 20, 50, 20, 0.8, 0.65, 0.84615, 0.28571,
                                0.84615, 0.88, Map.of(), roc, new double[] {0.4, 0.8, 1.2, 1.6}, cal),
                        new PerformanceSection.GroupPerformance("b & c", 100, 0, 0, 50, 50, 0.5, 0.0, 0.0, 0.0, nan,
                                0.7, Map.of("positive_predictive_value", "NO_PREDICTED_POSITIVES"), roc,
                                new double[] {1.6, 1.2, 0.8, 0.4}, cal)))));
        FairnessSection fair = new FairnessSection(0.95, List.of(new FairnessSection.AttributeFairness(EVIL, "a",
                List.of("b & c"), List.of(
                        new FairnessSection.MetricRow("disparate_impact", "Disparate impact", "ratio", 0.71429, 0.6,
                                0.85, 0.0123, 0.8, 1.25, "fail", null),
                        new FairnessSection.MetricRow("statistical_parity_difference", "Statistical parity difference",
                                "difference", -0.0652, -0.12, 0.01, 0.09, -0.1, 0.1, "pass", null),
                        new FairnessSection.MetricRow("false_discovery_rate_ratio", "False discovery rate ratio",
                                "ratio", nan, nan, nan, nan, nan, nan, "undefined", "NO_PREDICTED_POSITIVES")))),
                List.of(new FairnessSection.MetricRow("theil_index", "Theil index", "index", 0.1234, nan, nan, nan,
                        nan, nan, "info", null)));
        MitigationSection mit = new MitigationSection("reweighing", EVIL, "Kamiran-Calders weights.", List.of(
                MitigationSection.ComparisonRow.of("accuracy", "Accuracy", 0.81, 0.8),
                MitigationSection.ComparisonRow.of("disparate_impact", "Disparate impact", 0.714, 0.93)));
        List<String> features = List.of("income", "zip_risk", EVIL, "age");
        int rows = 40;
        double[][] shap = new double[rows][4];
        double[][] x = new double[rows][4];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = (i * 7 + j * 3) % 11;
                shap[i][j] = (x[i][j] - 5) * 0.01 * (4 - j);
            }
        }
        List<ExplanationSection.LocalExplanation> local = new ArrayList<>();
        local.add(new ExplanationSection.LocalExplanation(3, "highest score", "sex = a", 0.91,
                List.of("income = 8", "zip_risk = 1", EVIL + " = 1", "age = 30"), new double[] {0.2, 0.1, -0.05, 0.01},
                List.of("income > 7", "zip_risk <= 2", EVIL + " = 1", "age <= 35"), new double[] {0.15, 0.07, -0.03, 0.0},
                0.5, 0.77, 0.9));
        ExplanationSection expl = new ExplanationSection(features, 0.65, rows, new double[] {0.05, 0.03, 0.02, 0.01},
                new double[] {0.004, 0.003, 0.002, 0.001}, shap, x, new int[] {0, 1}, local, List.of(
                        new ExplanationSection.GroupImportance(EVIL, List.of("a", "b & c"),
                                new double[][] {{0.05, 0.01, 0.02, 0.01}, {0.05, 0.06, 0.02, 0.01}},
                                new double[][] {{0.01, 0.01, 0.0, 0.0}, {-0.01, -0.05, 0.0, 0.0}}, new double[] {0.67, 0.59},
                                new long[] {30, 10}, "zip_risk")));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("seed", "42");
        settings.put(EVIL, "escaped");
        MethodsSection methods = new MethodsSection(settings, List.of(new MethodsSection.ProvenanceRow("SHAP",
                "KernelShap", "{nsamples=2048}", 42L, "40 rows x 4 columns", "candor test")), List.of(
                new MethodsSection.Definition("disparate_impact", "Disparate impact", "P(ŷ=1 | unpriv) / P(ŷ=1 | priv)",
                        "Feldman et al. 2015, doi:10.1145/2783258.2783311")));
        return Report.builder().summary(summary).data(data).performance(perf).fairness(fair).mitigation(mit)
                .explanations(expl).methods(methods).createdAt(Instant.parse("2026-01-01T00:00:00Z")).build();
    }
}
