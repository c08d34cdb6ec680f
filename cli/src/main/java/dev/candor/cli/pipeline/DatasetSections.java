package dev.candor.cli.pipeline;

import dev.candor.datasets.Dataset;
import dev.candor.datasets.ProtectedAttribute;
import dev.candor.fairness.ConfusionCounts;
import dev.candor.fairness.GroupMetrics;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.Rate;
import dev.candor.fairness.audit.AttributeAudit;
import dev.candor.fairness.audit.AuditResult;
import dev.candor.report.assemble.AuditSections;
import dev.candor.report.sections.DataSection;
import dev.candor.report.sections.PerformanceSection;
import dev.candor.report.sections.ScoreCurves;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report sections that need the rows of a dataset (group sizes from the data, per-group ROC,
 * score and calibration curves of the test rows); the rest comes from {@link AuditSections}.
 *
 * @since 0.1.0
 */
final class DatasetSections {

    private DatasetSections() {
    }

    public static DataSection data(Dataset d) {
        int[] y = d.labels();
        long pos = 0;
        for (int v : y) {
            pos += v;
        }
        List<DataSection.AttributeGroups> attrs = new ArrayList<>();
        for (ProtectedAttribute pa : d.protectedAttributes()) {
            Map<String, long[]> byGroup = new LinkedHashMap<>();
            for (String g : pa.groups()) {
                byGroup.put(g, new long[2]);
            }
            for (int i = 0; i < y.length; i++) {
                long[] c = byGroup.computeIfAbsent(pa.value(i), k -> new long[2]);
                c[0]++;
                c[1] += y[i];
            }
            List<DataSection.GroupRow> rows = new ArrayList<>();
            byGroup.forEach((g, c) -> rows.add(new DataSection.GroupRow(g, c[0], (double) c[0] / y.length,
                    c[0] == 0 ? Double.NaN : (double) c[1] / c[0])));
            attrs.add(new DataSection.AttributeGroups(pa.name(), privileged(pa), rows));
        }
        return new DataSection(y.length, d.labelName(), d.favorableValue(), (double) pos / y.length, attrs);
    }

    /** The single privileged value of an attribute, or null when it has none or several. */
    public static String privileged(ProtectedAttribute pa) {
        return pa.privileged().size() == 1 ? pa.privileged().iterator().next() : null;
    }

    public static PerformanceSection performance(AuditResult audit, Dataset test, double[] scores, double threshold) {
        int[] y = test.labels();
        double[] edges = ScoreCurves.uniformEdges(AuditSections.SCORE_BINS);
        List<PerformanceSection.AttributePerformance> out = new ArrayList<>();
        for (ProtectedAttribute pa : test.protectedAttributes()) {
            AttributeAudit aa = audit.attribute(pa.name());
            GroupMetrics gm = aa.metrics();
            Map<String, List<Integer>> rowsOf = new LinkedHashMap<>();
            for (int i = 0; i < y.length; i++) {
                rowsOf.computeIfAbsent(pa.value(i), k -> new ArrayList<>()).add(i);
            }
            List<PerformanceSection.GroupPerformance> groups = new ArrayList<>();
            for (String g : gm.counts().groups()) {
                List<Integer> idx = rowsOf.getOrDefault(g, List.of());
                int[] gy = new int[idx.size()];
                double[] gs = new double[idx.size()];
                for (int k = 0; k < gy.length; k++) {
                    gy[k] = y[idx.get(k)];
                    gs[k] = scores[idx.get(k)];
                }
                groups.add(AuditSections.groupPerformance(aa, g, ScoreCurves.roc(gy, gs, AuditSections.ROC_POINTS),
                        ScoreCurves.density(gs, edges), ScoreCurves.calibration(gy, gs, AuditSections.SCORE_BINS,
                                AuditSections.MIN_CALIBRATION_BIN_ROWS)));
            }
            out.add(new PerformanceSection.AttributePerformance(pa.name(), groups));
        }
        return new PerformanceSection(threshold, edges, out);
    }
}
