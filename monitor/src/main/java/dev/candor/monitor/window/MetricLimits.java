package dev.candor.monitor.window;

import java.util.Map;

/**
 * The natural range of every watched metric, which a derived threshold is clipped to (NannyML
 * defines [0, 1] for its performance metrics; the others follow their definition): accuracy-like
 * scores, Brier loss and fairlearn gaps [0, 1]; log loss [0, ∞); AIF360 differences [−1, 1];
 * disparate impact [0, ∞); the dataset drift share [0, 1]. Unknown metrics have no limits.
 *
 * @since 0.2.0
 */
public final class MetricLimits {

    private static final double NONE = Double.NaN;
    private static final Map<String, double[]> BY_NAME = Map.ofEntries(
            Map.entry("accuracy", new double[] {0, 1}), Map.entry("balanced_accuracy", new double[] {0, 1}),
            Map.entry("precision", new double[] {0, 1}), Map.entry("recall", new double[] {0, 1}),
            Map.entry("f1", new double[] {0, 1}), Map.entry("roc_auc", new double[] {0, 1}),
            Map.entry("average_precision", new double[] {0, 1}), Map.entry("brier_score_loss", new double[] {0, 1}),
            Map.entry("log_loss", new double[] {0, NONE}),
            Map.entry("statistical_parity_difference", new double[] {-1, 1}),
            Map.entry("equal_opportunity_difference", new double[] {-1, 1}),
            Map.entry("average_odds_difference", new double[] {-1, 1}),
            Map.entry("disparate_impact", new double[] {0, NONE}),
            Map.entry("demographic_parity_difference", new double[] {0, 1}),
            Map.entry("equalized_odds_difference", new double[] {0, 1}),
            Map.entry("drift_share", new double[] {0, 1}));

    private MetricLimits() {
    }

    /**
     * @param metric a watched metric, possibly prefixed by an attribute ({@code age_group.}) or by
     *               {@code estimated.}
     * @return {lower, upper}, {@code NaN} where the metric is unbounded
     */
    public static double[] of(String metric) {
        String base = metric.substring(metric.lastIndexOf('.') + 1);
        double[] l = BY_NAME.get(base);
        return l == null ? new double[] {NONE, NONE} : l.clone();
    }
}
