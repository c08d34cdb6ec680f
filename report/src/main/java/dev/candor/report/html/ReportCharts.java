package dev.candor.report.html;

import dev.candor.fairness.Band;
import dev.candor.report.chart.Estimates;

import dev.candor.fairness.MetricKind;
import dev.candor.report.Report;
import dev.candor.report.chart.Chart;
import dev.candor.report.chart.Charts;
import dev.candor.report.sections.DataSection;
import dev.candor.report.sections.ExplanationSection;
import dev.candor.report.sections.FairnessSection;
import dev.candor.report.sections.MitigationSection;
import dev.candor.report.sections.PerformanceSection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the charts of a report from its sections. The ids are the ones the page template looks up:
 * {@code data-<a>}, {@code roc-<a>}, {@code scores-<a>}, {@code calibration-<a>},
 * {@code fairness-ratio-<a>}, {@code fairness-difference-<a>} (for the a-th protected attribute),
 * {@code residuals-<a>}, {@code residual-distribution-<a>} (a regressor),
 * {@code mitigation}, {@code mitigation-tradeoff}, {@code shap-importance}, {@code shap-beeswarm}, {@code dependence-<k>},
 * {@code waterfall-<k>}, {@code lime-<k>} (for the k-th local row) and {@code shap-group-<a>}.
 *
 * @since 0.1.0
 */
public final class ReportCharts {

    /** Features shown in importance charts. */
    static final int TOP_FEATURES = 12;

    private ReportCharts() {
    }

    /**
     * @param report the report
     * @return its charts by id, in page order
     */
    public static Map<String, Chart> of(Report report) {
        Map<String, Chart> out = new LinkedHashMap<>();
        if (report.data() != null) {
            data(report.data(), out);
        }
        if (report.performance() != null) {
            performance(report.performance(), out);
        }
        if (report.regression() != null) {
            regression(report.regression(), out);
        }
        if (report.fairness() != null) {
            fairness(report.fairness(), out);
        }
        if (report.mitigation() != null) {
            mitigation(report.mitigation(), out);
        }
        if (report.explanations() != null) {
            explanations(report.explanations(), out);
        }
        return out;
    }

    private static void regression(dev.candor.report.sections.RegressionSection r, Map<String, Chart> out) {
        for (int a = 0; a < r.residuals().size(); a++) {
            dev.candor.report.sections.RegressionSection.Residuals res = r.residuals().get(a);
            String[] groups = res.groups().toArray(String[]::new);
            put(out, Charts.residualScatter("residuals-" + a, "Residual against prediction by " + res.attribute(),
                    groups, res.predictions(), res.residuals()));
            put(out, Charts.residualDistributions("residual-distribution-" + a, "Residual distribution by "
                    + res.attribute(), groups, res.edges(), res.density()));
        }
    }

    private static void data(DataSection d, Map<String, Chart> out) {
        for (int a = 0; a < d.attributes().size(); a++) {
            DataSection.AttributeGroups ag = d.attributes().get(a);
            int k = ag.groups().size();
            String[] groups = new String[k];
            double[][] v = new double[2][k];
            for (int g = 0; g < k; g++) {
                groups[g] = ag.groups().get(g).group();
                v[0][g] = ag.groups().get(g).share();
                v[1][g] = ag.groups().get(g).baseRate();
            }
            put(out, Charts.groupedBars("data-" + a, "Group share and base rate by " + ag.attribute(), groups,
                    new String[] {"share of rows", "base rate (favorable label)"}, v, "proportion"));
        }
    }

    private static void performance(PerformanceSection p, Map<String, Chart> out) {
        for (int a = 0; a < p.attributes().size(); a++) {
            PerformanceSection.AttributePerformance ap = p.attributes().get(a);
            int k = ap.groups().size();
            String[] groups = new String[k];
            double[][] rocX = new double[k][];
            double[][] rocY = new double[k][];
            double[][] dens = new double[k][];
            double[][] calX = new double[k][];
            double[][] calY = new double[k][];
            for (int g = 0; g < k; g++) {
                PerformanceSection.GroupPerformance gp = ap.groups().get(g);
                groups[g] = gp.group();
                rocX[g] = gp.roc().x();
                rocY[g] = gp.roc().y();
                dens[g] = gp.scoreDensity();
                calX[g] = gp.calibration().x();
                calY[g] = gp.calibration().y();
            }
            // An audit of a predictions file has no per-row scores: no curves to draw.
            if (Arrays.stream(rocX).anyMatch(x -> x.length > 1)) {
                put(out, Charts.rocCurves("roc-" + a, "ROC curves by " + ap.attribute(), groups, rocX, rocY));
            }
            if (p.scoreBinEdges().length > 1) {
                put(out, Charts.scoreDistributions("scores-" + a, "Score distributions by " + ap.attribute(), groups,
                        p.scoreBinEdges(), dens));
            }
            if (Arrays.stream(calX).anyMatch(x -> x.length > 0)) {
                put(out, Charts.calibration("calibration-" + a, "Calibration by " + ap.attribute(), groups, calX,
                        calY));
            }
        }
    }

    private static void fairness(FairnessSection f, Map<String, Chart> out) {
        for (int a = 0; a < f.attributes().size(); a++) {
            FairnessSection.AttributeFairness af = f.attributes().get(a);
            bandChart("fairness-ratio-" + a, "Ratio metrics for " + af.attribute(), af.metrics(), MetricKind.RATIO,
                    out);
            bandChart("fairness-difference-" + a, "Difference metrics for " + af.attribute(), af.metrics(),
                    MetricKind.DIFFERENCE, out);
        }
    }

    /**
     * One band chart over the metrics of a kind. The band drawn is the widest policy band among
     * them (the kind's default band from the registry, {@link MetricKind#band()}, on a side no metric
     * bounds); the reference line is the kind's ideal value.
     */
    private static void bandChart(String id, String title, List<FairnessSection.MetricRow> metrics, MetricKind kind,
                                  Map<String, Chart> out) {
        List<FairnessSection.MetricRow> rows = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (FairnessSection.MetricRow m : metrics) {
            if (m.kind().equals(kind.key())) {
                rows.add(m);
                if (Double.isFinite(m.boundLow())) {
                    lo = Math.min(lo, m.boundLow());
                }
                if (Double.isFinite(m.boundHigh())) {
                    hi = Math.max(hi, m.boundHigh());
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        if (!Double.isFinite(lo)) {
            lo = kind.band().lower();
        }
        if (!Double.isFinite(hi)) {
            hi = kind.band().upper();
        }
        int n = rows.size();
        String[] names = new String[n];
        double[] v = new double[n];
        double[] cl = new double[n];
        double[] ch = new double[n];
        for (int i = 0; i < n; i++) {
            names[i] = rows.get(i).name();
            v[i] = rows.get(i).value();
            cl[i] = rows.get(i).ciLow();
            ch[i] = rows.get(i).ciHigh();
        }
        put(out, Charts.bandBars(id, title, new Estimates(names, v, cl, ch), new Band(lo, hi), kind.ideal(), kind.key()));
    }

    private static void mitigation(MitigationSection m, Map<String, Chart> out) {
        int n = m.rows().size();
        String[] names = new String[n];
        double[][] v = new double[2][n];
        for (int i = 0; i < n; i++) {
            names[i] = m.rows().get(i).name();
            v[0][i] = m.rows().get(i).before();
            v[1][i] = m.rows().get(i).after();
        }
        put(out, Charts.groupedBars("mitigation", "Before and after " + m.method(), names,
                new String[] {"before", "after " + m.method()}, v, "value"));
        if (!m.tradeOff().isEmpty()) {
            int k = m.tradeOff().size();
            String[] methods = new String[k];
            double[] eod = new double[k];
            double[] acc = new double[k];
            for (int i = 0; i < k; i++) {
                methods[i] = m.tradeOff().get(i).method();
                eod[i] = m.tradeOff().get(i).equalizedOddsDifference();
                acc[i] = m.tradeOff().get(i).accuracy();
            }
            put(out, Charts.tradeOff("mitigation-tradeoff", "Accuracy against equalized odds difference", methods,
                    eod, acc, "equalized odds difference"));
        }
    }

    private static void explanations(ExplanationSection e, Map<String, Chart> out) {
        String[] features = e.features().toArray(String[]::new);
        put(out, Charts.importanceBars("shap-importance", "Global importance (mean |SHAP value|)", features,
                e.importance(), e.importanceError(), TOP_FEATURES, "mean |SHAP value|"));
        if (e.shapValues().length > 0) {
            boolean[] categorical = new boolean[features.length];
            for (int j = 0; j < features.length; j++) {
                categorical[j] = e.categoricalFeatures().contains(features[j]);
            }
            put(out, Charts.beeswarm("shap-beeswarm", "SHAP summary", features, e.shapValues(), e.featureValues(),
                    TOP_FEATURES, categorical));
        }
        int[] dep = e.dependenceFeatures();
        for (int k = 0; k < dep.length; k++) {
            int f = dep[k];
            double[] x = column(e.featureValues(), f);
            double[] s = column(e.shapValues(), f);
            put(out, Charts.dependence("dependence-" + k, "Dependence on " + features[f], features[f], x, s));
        }
        for (int k = 0; k < e.local().size(); k++) {
            ExplanationSection.LocalExplanation l = e.local().get(k);
            put(out, Charts.waterfall("waterfall-" + k, "SHAP waterfall, row " + l.row(),
                    l.featureLabels().toArray(String[]::new), l.shap(), e.baseValue(), 10));
            put(out, Charts.limeBars("lime-" + k, "LIME weights, row " + l.row(),
                    l.limeLabels().toArray(String[]::new), l.limeWeights(), 10));
        }
        for (int a = 0; a < e.byGroup().size(); a++) {
            ExplanationSection.GroupImportance gi = e.byGroup().get(a);
            // The features whose mean SHAP value differs most between the groups.
            int[] top = topGap(gi.meanShap(), Math.min(8, features.length));
            String[] names = new String[top.length];
            double[][] v = new double[gi.groups().size()][top.length];
            for (int i = 0; i < top.length; i++) {
                names[i] = features[top[i]];
                for (int g = 0; g < gi.groups().size(); g++) {
                    v[g][i] = gi.meanShap()[g][top[i]];
                }
            }
            put(out, Charts.groupedBars("shap-group-" + a, "Mean SHAP value by " + gi.attribute(), names,
                    gi.groups().toArray(String[]::new), v, "mean SHAP value"));
        }
    }

    /** The k features with the largest max − min over groups, largest first. */
    private static int[] topGap(double[][] byGroup, int k) {
        int m = byGroup.length == 0 ? 0 : byGroup[0].length;
        double[] max = new double[m];
        for (int j = 0; j < m; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] g : byGroup) {
                if (Double.isFinite(g[j])) {
                    lo = Math.min(lo, g[j]);
                    hi = Math.max(hi, g[j]);
                }
            }
            max[j] = hi >= lo ? hi - lo : Double.NEGATIVE_INFINITY;
        }
        Integer[] idx = new Integer[m];
        for (int j = 0; j < m; j++) {
            idx[j] = j;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(max[y], max[x]));
        return Arrays.stream(idx).limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static double[] column(double[][] m, int j) {
        double[] c = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i][j];
        }
        return c;
    }

    private static void put(Map<String, Chart> out, Chart c) {
        out.put(c.id(), c);
    }
}
