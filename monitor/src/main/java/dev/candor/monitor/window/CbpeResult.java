package dev.candor.monitor.window;

import java.util.Map;

/**
 * CBPE in one window: the estimates from scores alone, the realized values when labels exist, the
 * same estimates per protected group, and whether each estimate breaches its threshold.
 *
 * @param meanProbability the mean (calibrated) probability of the favorable class
 * @param estimated       the estimates by metric ({@link Cbpe#METRICS})
 * @param realized        NannyML's realized values ({@code NaN} where undefined or without labels)
 * @param byGroup         per attribute, per group, the estimates
 * @param alerts          per metric, whether the estimate breaches the {@code estimated.<metric>} threshold
 * @since 0.2.0
 */
public record CbpeResult(double meanProbability, Map<String, Double> estimated, Map<String, Double> realized,
        Map<String, Map<String, Map<String, Double>>> byGroup, Map<String, Boolean> alerts) {

    /** Copies the maps. */
    public CbpeResult {
        estimated = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(estimated));
        realized = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(realized));
        byGroup = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byGroup));
        alerts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(alerts));
    }
}
