package dev.candor.monitor.window;

import dev.candor.fairness.ConfusionCounts;
import dev.candor.fairness.MetricValue;
import dev.candor.monitor.DriftReport;
import dev.candor.monitor.FeatureDrift;
import dev.candor.monitor.alert.Alert;
import dev.candor.monitor.alert.MetricSample;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything monitored in one window, compared with the whole reference. Immutable; every series
 * a report draws (per-window values, histograms of drifted features) can be read from it without
 * recomputation.
 *
 * @param window          key, rows and completeness
 * @param drift           data drift per feature (Evidently's default test plus ks, psi,
 *                        jensenshannon, wasserstein or chisquare) and the dataset drift share
 * @param histograms      per feature, the reference and window counts over Evidently's binning
 * @param predictionDrift drift of the score as a numeric feature, or {@code null} without scores
 * @param predictionHistogram the score's binning, or {@code null}
 * @param predictedClassDrift drift of the predicted class as a categorical feature, or {@code null}
 * @param labelDrift      drift of the label, or {@code null} when the window has no labels
 * @param counts          the confusion counts of the labelled rows, or {@code null} without labels
 * @param performance     scikit-learn's metrics by name (empty without labels)
 * @param fairness        per protected attribute
 * @param cbpe            confidence-based estimates, or {@code null} without scores
 * @param watched         every value a rule can watch, by metric name ({@code accuracy},
 *                        {@code age_group.disparate_impact}, {@code estimated.roc_auc},
 *                        {@code drift_share}, {@code drift.feature.age}, {@code prediction_drift})
 * @param alerts          the breaches in this window
 * @param samples         every watched value, as exported to metric systems
 * @since 0.2.0
 */
public record WindowResult(Window window, DriftReport drift, Map<String, Histogram> histograms,
        FeatureDrift predictionDrift, Histogram predictionHistogram, FeatureDrift predictedClassDrift,
        LabelDrift labelDrift, ConfusionCounts counts, Map<String, MetricValue> performance,
        Map<String, AttributeFairness> fairness, CbpeResult cbpe, Map<String, Double> watched, List<Alert> alerts,
        List<MetricSample> samples) {

    /** Copies the collections, keeping their order. */
    public WindowResult {
        histograms = ordered(histograms);
        performance = ordered(performance);
        fairness = ordered(fairness);
        watched = ordered(watched);
        alerts = List.copyOf(alerts);
        samples = List.copyOf(samples);
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** @return whether any rule breached in this window */
    public boolean breached() {
        return !alerts.isEmpty();
    }
}
