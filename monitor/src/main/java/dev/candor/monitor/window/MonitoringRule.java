package dev.candor.monitor.window;

import dev.candor.monitor.alert.Severity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One monitoring rule of a policy file: what to watch, how serious a breach is, and the bounds —
 * fixed ({@code min}/{@code max}, a breach is strictly outside) or {@code reference_band} k (mean ±
 * k·sd of the metric over the reference chunks, clipped to the metric's limits; see
 * {@link Threshold}).
 *
 * <p>Keys and the watched value they name:
 * <ul>
 *   <li>{@code drift.share}: the share of drifted features ({@code drift_share});</li>
 *   <li>{@code drift.feature.<name>}: the value of the feature's default drift test;</li>
 *   <li>{@code prediction_drift}: the value of the score's default drift test;</li>
 *   <li>{@code performance.<metric>}: a scikit-learn metric ({@code accuracy}, {@code roc_auc}, ...);</li>
 *   <li>{@code estimated.<metric>}: a CBPE estimate ({@code accuracy}, {@code precision}, {@code recall},
 *       {@code f1}, {@code roc_auc});</li>
 *   <li>{@code fairness.<metric>}: an audit fairness key per protected attribute ({@code attributes},
 *       all by default), watched as {@code <attribute>.<metric>}.</li>
 * </ul>
 *
 * @param key           the rule's key as written
 * @param min           the fixed lower bound, or {@code null}
 * @param max           the fixed upper bound, or {@code null}
 * @param referenceBand the band's k, or {@code null} for fixed bounds
 * @param attributes    for fairness rules, the attributes (empty for all)
 * @param severity      the breach's severity
 * @since 0.2.0
 */
public record MonitoringRule(String key, Double min, Double max, Double referenceBand, List<String> attributes,
        Severity severity) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Validates the rule. */
    public MonitoringRule {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(severity, "severity");
        attributes = List.copyOf(attributes);
        if (referenceBand == null && min == null && max == null) {
            throw new IllegalArgumentException("monitoring rule '" + key + "' needs 'min', 'max' or 'reference_band'");
        }
        if (referenceBand != null && (min != null || max != null)) {
            throw new IllegalArgumentException("monitoring rule '" + key
                    + "' has both fixed bounds and 'reference_band'; give one");
        }
        if (referenceBand != null && !(referenceBand > 0)) {
            throw new IllegalArgumentException("monitoring rule '" + key + "': reference_band must be > 0, got "
                    + referenceBand);
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("monitoring rule '" + key + "' has min " + min + " > max " + max);
        }
        if (!isMonitoringKey(key)) {
            throw new IllegalArgumentException("unknown monitoring rule '" + key + "': expected drift.share, "
                    + "drift.feature.<name>, prediction_drift, performance.<metric>, estimated.<metric> or "
                    + "fairness.<metric>");
        }
    }

    /**
     * @param key a policy rule key
     * @return whether it is a monitoring rule (rather than an audit rule)
     */
    public static boolean isMonitoringKey(String key) {
        return key.equals("drift.share") || key.startsWith("drift.feature.") || key.equals("prediction_drift")
                || key.startsWith("performance.") || key.startsWith("estimated.") || key.startsWith("fairness.");
    }

    /**
     * @param k        the band's multiplier
     * @param key      the rule key
     * @param severity the severity
     * @return a reference-band rule
     */
    public static MonitoringRule band(String key, double k, Severity severity) {
        return new MonitoringRule(key, null, null, k, List.of(), severity);
    }

    /**
     * @param protectedAttributes the monitored protected attributes
     * @return the watched metric names this rule covers
     */
    public List<String> watchedMetrics(List<String> protectedAttributes) {
        if (key.equals("drift.share")) {
            return List.of("drift_share");
        }
        if (key.startsWith("performance.")) {
            return List.of(key.substring("performance.".length()));
        }
        if (key.startsWith("fairness.")) {
            String metric = key.substring("fairness.".length());
            List<String> out = new ArrayList<>();
            for (String a : attributes.isEmpty() ? protectedAttributes : attributes) {
                if (!protectedAttributes.contains(a)) {
                    throw new IllegalArgumentException("monitoring rule '" + key + "' names attribute '" + a
                            + "', which is not monitored (monitored: " + protectedAttributes + ")");
                }
                out.add(a + "." + metric);
            }
            return out;
        }
        return List.of(key);
    }

    /**
     * @param metric          the watched metric
     * @param referenceValues its values on the reference chunks
     * @return the threshold this rule sets
     */
    public Threshold threshold(String metric, double[] referenceValues) {
        if (referenceBand == null) {
            return Threshold.fixed(metric, min == null ? Double.NaN : min, max == null ? Double.NaN : max);
        }
        double[] limits = MetricLimits.of(metric);
        return Threshold.fromReference(metric, referenceValues, referenceBand, limits[0], limits[1]);
    }
}
