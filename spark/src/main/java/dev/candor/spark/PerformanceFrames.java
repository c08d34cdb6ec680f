package dev.candor.spark;

import dev.candor.fairness.ConfusionCounts;
import dev.candor.fairness.GroupCounts;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.audit.AttributeAudit;
import dev.candor.fairness.audit.AuditResult;
import dev.candor.fairness.performance.ClassificationMetric;
import dev.candor.fairness.performance.ClassificationSample;
import dev.candor.fairness.performance.PerformanceFrame;
import dev.candor.fairness.performance.ZeroDivision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code performance} block of {@code candor audit} (fairlearn's MetricFrame per attribute) from
 * merged counts. Label metrics come from the weighted confusion cells. Score metrics are computed by
 * the single-machine code on a compressed sample: one row per (group, distinct score, label) carrying
 * the summed weight, which gives the same ROC AUC, average precision, log loss, Brier score and
 * calibration error as the rows themselves (each is a weighted sum over rows of a function of label and
 * score). With a binned score histogram only {@code roc_auc} is reported (from the bins, within
 * {@link ScoreHistogram#aucErrorBound()}).
 */
final class PerformanceFrames {

    private PerformanceFrames() {
    }

    static List<PerformanceFrame<ClassificationSample>> of(AuditCounts counts, AuditSpec spec, AuditResult audit) {
        Set<ClassificationMetric> wanted = EnumSet.copyOf(ClassificationMetric.LABEL_METRICS);
        if (spec.scores() != null) {
            wanted.add(ClassificationMetric.ROC_AUC);
            if (spec.scoreBins() == 0) {
                wanted.add(ClassificationMetric.AVERAGE_PRECISION);
                if (!counts.nonProbability()) {
                    wanted.addAll(List.of(ClassificationMetric.LOG_LOSS, ClassificationMetric.BRIER_SCORE_LOSS,
                            ClassificationMetric.EXPECTED_CALIBRATION_ERROR));
                }
            }
        }
        List<ClassificationMetric> metrics = Arrays.stream(ClassificationMetric.values()).filter(wanted::contains)
                .toList();
        List<PerformanceFrame<ClassificationSample>> out = new ArrayList<>();
        for (AttributeAudit a : audit.attributes()) {
            GroupCounts gc = a.metrics().counts();
            int k = gc.size();
            List<Map<Double, double[]>> cells = new ArrayList<>();
            if (spec.scores() != null) {
                for (ScoreHistogram h : counts.scoreHistograms(spec, a.name()).values()) {
                    cells.add(h.cells());
                }
            }
            long[] rows = new long[k];
            double[] sums = new double[k];
            MetricValue[][] byGroup = new MetricValue[k][];
            for (int g = 0; g < k; g++) {
                ConfusionCounts c = gc.counts(g);
                rows[g] = c.rows();
                sums[g] = c.total();
                byGroup[g] = values(metrics, c, cells.isEmpty() ? null : List.of(cells.get(g)));
            }
            MetricValue[] overall = values(metrics, gc.overall(), cells.isEmpty() ? null : cells);
            out.add(PerformanceFrame.ofValues(a.name(), gc.groups(), metrics, spec.weights() != null, rows, sums,
                    overall, byGroup));
        }
        return out;
    }

    private static MetricValue[] values(List<ClassificationMetric> metrics, ConfusionCounts c,
                                        List<Map<Double, double[]>> scoreCells) {
        ClassificationSample compressed = scoreCells == null ? null : compressed(scoreCells);
        MetricValue[] v = new MetricValue[metrics.size()];
        for (int m = 0; m < v.length; m++) {
            ClassificationMetric metric = metrics.get(m);
            if (!metric.needsScores()) {
                v[m] = metric.fromCounts(c.tp(), c.fp(), c.tn(), c.fn(), ZeroDivision.UNDEFINED);
            } else if (compressed == null) {
                v[m] = MetricValue.undefined(dev.candor.fairness.UndefinedReason.EMPTY_GROUP);
            } else {
                v[m] = metric.compute(compressed, ZeroDivision.UNDEFINED);
            }
        }
        return v;
    }

    /** One row per (score, label) with positive weight; null when there is none. */
    private static ClassificationSample compressed(List<Map<Double, double[]>> cells) {
        List<double[]> rows = new ArrayList<>();
        for (Map<Double, double[]> m : cells) {
            for (Map.Entry<Double, double[]> e : m.entrySet()) {
                for (int label = 1; label >= 0; label--) {
                    double w = e.getValue()[1 - label];
                    if (w > 0) {
                        rows.add(new double[] {label, e.getKey(), w});
                    }
                }
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        int n = rows.size();
        int[] y = new int[n];
        double[] s = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (int) rows.get(i)[0];
            s[i] = rows.get(i)[1];
            w[i] = rows.get(i)[2];
        }
        return ClassificationSample.of(y, null, s, w);
    }
}
