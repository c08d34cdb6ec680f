package dev.candor.spark;

import dev.candor.fairness.ConfusionCounts;
import dev.candor.fairness.GroupCounts;
import dev.candor.fairness.GroupScores;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.audit.AttributeAudit;
import dev.candor.fairness.audit.AuditResult;
import dev.candor.fairness.performance.ClassificationMetric;
import dev.candor.fairness.performance.ZeroDivision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classification performance of one attribute's groups from merged counts: every label metric of
 * {@link ClassificationMetric#LABEL_METRICS} (scikit-learn names, from the weighted confusion cells,
 * undefined values NaN with their reason), and with scores {@code roc_auc} and {@code log_loss}.
 *
 * <p>With a binned score histogram ({@link AuditSpec#scoreBins()} &gt; 0) the ROC AUC is that of the
 * histogram and {@link #aucErrorBound()} holds, per group and overall, the largest possible distance
 * to the exact AUC ({@link ScoreHistogram#aucErrorBound()}: half the weighted share of
 * positive–negative pairs that share a bin); with exact scores the bound is 0 and the AUC is
 * scikit-learn's {@code roc_auc_score}.
 *
 * @param attribute     the attribute's or intersection's name
 * @param overall       metric key to the value over all rows
 * @param groups        group to (metric key to value), in group order
 * @param aucErrorBound group (and {@code "overall"}) to the bound of the AUC's error; empty without scores
 * @since 0.1.0
 */
public record GroupPerformance(String attribute, Map<String, MetricValue> overall,
                               Map<String, Map<String, MetricValue>> groups, Map<String, Double> aucErrorBound) {

    /** The key of the whole table in {@link #aucErrorBound()}. */
    public static final String OVERALL = "overall";

    public GroupPerformance {
        overall = Collections.unmodifiableMap(new LinkedHashMap<>(overall));
        Map<String, Map<String, MetricValue>> g = new LinkedHashMap<>();
        groups.forEach((k, v) -> g.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        groups = Collections.unmodifiableMap(g);
        aucErrorBound = Collections.unmodifiableMap(new LinkedHashMap<>(aucErrorBound));
    }

    /**
     * @param counts the merged counts of an audit
     * @param spec   the spec that built them
     * @return one entry per attribute and intersection, in audit order
     */
    public static List<GroupPerformance> of(AuditCounts counts, AuditSpec spec) {
        AuditResult audit = counts.result(spec);
        List<GroupPerformance> out = new ArrayList<>();
        for (AttributeAudit a : audit.attributes()) {
            GroupCounts gc = a.metrics().counts();
            GroupScores scores = a.scores();
            Map<String, Map<String, MetricValue>> groups = new LinkedHashMap<>();
            for (int g = 0; g < gc.size(); g++) {
                Map<String, MetricValue> m = labelMetrics(gc.counts(g));
                if (scores != null) {
                    m.put(ClassificationMetric.ROC_AUC.key(), scores.rocAuc().get(g));
                    m.put(ClassificationMetric.LOG_LOSS.key(), scores.logLoss().get(g));
                }
                groups.put(gc.groups().get(g), m);
            }
            Map<String, MetricValue> overall = labelMetrics(gc.overall());
            Map<String, Double> bounds = new LinkedHashMap<>();
            if (scores != null) {
                overall.put(ClassificationMetric.ROC_AUC.key(), scores.overallRocAuc());
                overall.put(ClassificationMetric.LOG_LOSS.key(), scores.overallLogLoss());
                ScoreHistogram all = new ScoreHistogram(spec.scoreBins());
                for (Map.Entry<String, ScoreHistogram> e : counts.scoreHistograms(spec, a.name()).entrySet()) {
                    bounds.put(e.getKey(), e.getValue().aucErrorBound());
                    all.merge(e.getValue());
                }
                bounds.put(OVERALL, all.aucErrorBound());
            }
            out.add(new GroupPerformance(a.name(), overall, groups, bounds));
        }
        return out;
    }

    private static Map<String, MetricValue> labelMetrics(ConfusionCounts c) {
        Map<String, MetricValue> m = new LinkedHashMap<>();
        for (ClassificationMetric metric : ClassificationMetric.LABEL_METRICS) {
            m.put(metric.key(), metric.fromCounts(c.tp(), c.fp(), c.tn(), c.fn(), ZeroDivision.UNDEFINED));
        }
        return m;
    }
}
