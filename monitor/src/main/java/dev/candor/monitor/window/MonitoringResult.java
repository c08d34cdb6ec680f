package dev.candor.monitor.window;

import dev.candor.core.Provenance;
import dev.candor.monitor.alert.Alert;
import dev.candor.monitor.alert.MetricSample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A monitoring run: the reference (rows, CBPE calibration, its chunks' results), the threshold of
 * every watched metric, every window's result in time order and every alert. Immutable. A renderer
 * gets each series from it without recomputation: {@link #series(String)} per watched metric, the
 * thresholds, the breaching windows, per-feature drift values ({@link WindowResult#drift()}) and the
 * reference/current histograms ({@link WindowResult#histograms()}).
 *
 * @param model           the monitored model's name
 * @param referenceRows   rows in the reference
 * @param windowing       how windows were cut ({@code chunk_size=5000}, {@code period=1M})
 * @param calibration     the CBPE calibration decision
 * @param thresholds      the threshold of every watched metric, in rule order
 * @param rules           the rules in force
 * @param referenceChunks the reference chunks' results (thresholds derive from them)
 * @param windows         the windows' results, in time order
 * @param provenance      what produced the result
 * @since 0.2.0
 */
public record MonitoringResult(String model, long referenceRows, String windowing, CbpeCalibration calibration,
        Map<String, Threshold> thresholds, List<MonitoringRule> rules, List<WindowResult> referenceChunks,
        List<WindowResult> windows, Provenance provenance) {

    /** Copies the collections. */
    public MonitoringResult {
        thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        rules = List.copyOf(rules);
        referenceChunks = List.copyOf(referenceChunks);
        windows = List.copyOf(windows);
    }

    /** @return every window's alerts, in window order */
    public List<Alert> alerts() {
        List<Alert> a = new ArrayList<>();
        windows.forEach(w -> a.addAll(w.alerts()));
        return a;
    }

    /** @return every watched value of every window */
    public List<MetricSample> samples() {
        List<MetricSample> s = new ArrayList<>();
        windows.forEach(w -> s.addAll(w.samples()));
        return s;
    }

    /** @return whether any rule breached in any window (exit code 3) */
    public boolean breached() {
        return windows.stream().anyMatch(WindowResult::breached);
    }

    /**
     * @param metric a watched metric
     * @return its value per window key, in time order ({@code NaN} where undefined or not computed)
     */
    public Map<String, Double> series(String metric) {
        Map<String, Double> m = new LinkedHashMap<>();
        windows.forEach(w -> m.put(w.window().key(), w.watched().getOrDefault(metric, Double.NaN)));
        return m;
    }
}
