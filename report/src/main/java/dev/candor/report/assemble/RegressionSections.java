package dev.candor.report.assemble;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.GroupAttribute;
import dev.candor.fairness.performance.PerformanceFrame;
import dev.candor.fairness.performance.PerformanceMetric;
import dev.candor.fairness.performance.RegressionMetric;
import dev.candor.fairness.performance.RegressionSample;
import dev.candor.core.Provenance;
import dev.candor.fairness.audit.PolicyResult;
import dev.candor.report.PerformanceJson;
import dev.candor.report.Report;
import dev.candor.report.sections.MethodsSection;
import dev.candor.report.sections.SummarySection;
import dev.candor.report.sections.RegressionSection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds the {@link RegressionSection} of a report from the performance frames of a regressor's
 * predictions: the same numbers as {@code candor audit --task regression --json}, plus the residual
 * plots' data.
 *
 * <p>Residual bins: {@value #BINS} equal-width bins between the 0.5th and 99.5th percentiles of all
 * residuals (type-7), the rows beyond them counted in the end bins, so one extreme residual does not
 * flatten every histogram. Scatter: at most {@value #MAX_POINTS} rows per group, drawn without
 * replacement with the seed when a group has more.
 *
 * @since 0.1.0
 */
public final class RegressionSections {

    /** Bins of the residual histograms. */
    public static final int BINS = 30;
    /** The most rows per group drawn in a residual scatter. */
    public static final int MAX_POINTS = 400;

    /** The metrics shown in the tables, in order, when the frames hold them. */
    private static final List<RegressionMetric> COLUMNS = List.of(RegressionMetric.MEAN_ABSOLUTE_ERROR,
            RegressionMetric.ROOT_MEAN_SQUARED_ERROR, RegressionMetric.MEDIAN_ABSOLUTE_ERROR,
            RegressionMetric.MAX_ERROR, RegressionMetric.R2, RegressionMetric.MEAN_PREDICTION,
            RegressionMetric.MEAN_TARGET);

    private RegressionSections() {
    }

    /**
     * @param target     the predicted column
     * @param text       what was measured, for the reader
     * @param frames     one frame per attribute, over the rows of {@code yTrue}
     * @param intervals  bootstrap intervals by attribute name (may be empty)
     * @param yTrue      the observed values
     * @param yHat       the predictions
     * @param attributes the attributes of the frames, in the same order
     * @param seed       seed of the scatter's row sample
     * @return the section
     * @throws IllegalArgumentException if the lengths differ
     */
    public static RegressionSection of(String target, String text, List<PerformanceFrame<RegressionSample>> frames,
                                       Map<String, BootstrapResult> intervals, double[] yTrue, double[] yHat,
                                       List<GroupAttribute> attributes, long seed) {
        if (yTrue.length != yHat.length) {
            throw new IllegalArgumentException("yTrue has " + yTrue.length + " rows, yHat " + yHat.length);
        }
        List<RegressionSection.Column> columns = new ArrayList<>();
        List<PerformanceMetric<RegressionSample>> held = frames.get(0).metrics();
        for (RegressionMetric m : COLUMNS) {
            if (held.contains(m)) {
                columns.add(new RegressionSection.Column(m.key(), m.displayName()));
            }
        }
        JsonNode performance = PerformanceJson.toTree(frames, intervals);
        Map<String, JsonNode> metrics = new LinkedHashMap<>();
        for (PerformanceFrame<RegressionSample> f : frames) {
            metrics.put(f.attribute(), PerformanceJson.derived(f));
        }
        int n = yTrue.length;
        double[] res = new double[n];
        for (int i = 0; i < n; i++) {
            res[i] = yTrue[i] - yHat[i];
        }
        double[] sorted = res.clone();
        Arrays.sort(sorted);
        double lo = percentile(sorted, 0.005);
        double hi = percentile(sorted, 0.995);
        if (!(hi > lo)) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[] edges = new double[BINS + 1];
        for (int b = 0; b <= BINS; b++) {
            edges[b] = lo + (hi - lo) * b / BINS;
        }
        List<RegressionSection.Residuals> residuals = new ArrayList<>();
        for (GroupAttribute a : attributes) {
            residuals.add(residuals(a, yHat, res, edges, seed));
        }
        return new RegressionSection(target, text, columns, performance, metrics, residuals);
    }

    /**
     * One verdict per attribute from a policy's outcome on the regression aggregates (rules such as
     * {@code mean_absolute_error_difference}).
     *
     * @param section the section (its attributes)
     * @param check   the policy's outcome, or null without a policy
     * @return the verdicts, one per attribute; empty without a policy
     */
    public static List<SummarySection.Verdict> verdicts(RegressionSection section, PolicyResult check) {
        List<SummarySection.Verdict> out = new ArrayList<>();
        if (check == null) {
            return out;
        }
        for (String attr : section.metrics().keySet()) {
            List<PolicyResult.Violation> mine = check.violations().stream()
                    .filter(v -> attr.equals(v.attribute())).toList();
            List<String> failing = mine.stream().map(PolicyResult.Violation::metric).distinct().toList();
            String text = mine.isEmpty() ? "no rule of the policy is broken on " + attr
                    : String.join("; ", mine.stream().map(PolicyResult.Violation::message).toList());
            out.add(new SummarySection.Verdict(attr, null, mine.isEmpty(), failing, text));
        }
        return out;
    }

    /**
     * The HTML page of {@code candor audit --task regression --html}: summary (with the policy's
     * verdicts), errors and residuals by group, and the methods (provenance, metric definitions).
     *
     * @param section    the section
     * @param check      the policy outcome, or null without a policy
     * @param policyName the policy's name (its file name), or null
     * @param source     the predictions file's name
     * @param prediction the prediction column
     * @param provenance what made the audit
     * @return the report
     */
    public static Report auditReport(RegressionSection section, PolicyResult check, String policyName, String source,
                                     String prediction, Provenance provenance) {
        long rows = section.performance().get("overall").get("count").asLong();
        SummarySection summary = new SummarySection("Candor regression audit", source, rows + " predictions; target "
                + section.target() + ", prediction " + prediction + ".", "predictions from a file", 0, rows,
                Double.NaN, Double.NaN, policyName == null ? "none" : policyName, check == null || check.passed(),
                verdicts(section, check), List.of());
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source", source);
        settings.put("policy", policyName == null ? "none" : policyName);
        provenance.parameters().forEach((k, v) -> settings.put("audit." + k, String.valueOf(v)));
        List<String> keys = new ArrayList<>();
        section.columns().forEach(c -> keys.add(c.key()));
        keys.add("residual");
        MethodsSection methods = new MethodsSection(settings,
                List.of(AuditSections.provenanceRow("regression audit", provenance)), MetricDefinitions.of(keys));
        return Report.builder().summary(summary).regression(section).methods(methods).build();
    }

    private static RegressionSection.Residuals residuals(GroupAttribute a, double[] yHat, double[] res,
                                                         double[] edges, long seed) {
        int k = a.size();
        int[] codes = a.codes();
        int[] size = new int[k];
        for (int c : codes) {
            size[c]++;
        }
        int[][] members = new int[k][];
        for (int g = 0; g < k; g++) {
            members[g] = new int[size[g]];
        }
        int[] fill = new int[k];
        for (int i = 0; i < codes.length; i++) {
            members[codes[i]][fill[codes[i]]++] = i;
        }
        double width = (edges[BINS] - edges[0]) / BINS;
        long[] counts = new long[k];
        double[][] pred = new double[k][];
        double[][] resid = new double[k][];
        double[][] density = new double[k][BINS];
        for (int g = 0; g < k; g++) {
            counts[g] = size[g];
            int[] shown = sample(members[g], MAX_POINTS, new SplittableRandom(seed + g));
            pred[g] = new double[shown.length];
            resid[g] = new double[shown.length];
            for (int j = 0; j < shown.length; j++) {
                pred[g][j] = yHat[shown[j]];
                resid[g][j] = res[shown[j]];
            }
            for (int i : members[g]) {
                int b = (int) Math.floor((res[i] - edges[0]) / width);
                density[g][Math.max(0, Math.min(BINS - 1, b))]++;
            }
            for (int b = 0; b < BINS; b++) {
                density[g][b] = size[g] == 0 ? Double.NaN : density[g][b] / (size[g] * width);
            }
        }
        return new RegressionSection.Residuals(a.name(), a.values(), counts, pred, resid, edges, density);
    }

    /** Up to k of the rows, without replacement, in ascending order. */
    private static int[] sample(int[] rows, int k, SplittableRandom r) {
        if (rows.length <= k) {
            return rows;
        }
        int[] idx = rows.clone();
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] out = Arrays.copyOf(idx, k);
        Arrays.sort(out);
        return out;
    }

    private static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
