package dev.candor.monitor;

import dev.candor.core.Provenance;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a drift analysis: one {@link FeatureDrift} per feature in input order, the dataset
 * verdict, and the corrected p-values per feature (the p-value source is {@code ks} for numeric
 * features and {@code chisquare} for categorical ones, whatever the default test).
 *
 * @param referenceRows rows of the reference (including missing values)
 * @param currentRows   rows of the current sample
 * @param features      per-feature results, in input order
 * @param dataset       the dataset verdict
 * @param corrections   per correction, the adjusted p-value of each feature (empty unless requested)
 * @param provenance    what made the report (tests, drift share, TVD seed, versions)
 * @since 0.1.0
 */
public record DriftReport(long referenceRows, long currentRows, Map<String, FeatureDrift> features,
        DatasetDrift dataset, Map<Correction, Map<String, Double>> corrections, Provenance provenance) {

    /** Copies the maps, keeping their order. */
    public DriftReport {
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
        EnumMap<Correction, Map<String, Double>> c = new EnumMap<>(Correction.class);
        corrections.forEach((k, v) -> c.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        corrections = Collections.unmodifiableMap(c);
    }

    /** @return the features whose default test flags drift, ranked by the effect (largest first) */
    public List<FeatureDrift> driftedByEffect() {
        return features.values().stream().filter(FeatureDrift::drifted)
                .sorted((a, b) -> Double.compare(effect(b), effect(a))).toList();
    }

    private static double effect(FeatureDrift f) {
        DriftResult r = f.defaultResult();
        return r.test().isPValue() ? -r.value() : r.value();
    }
}
