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
                .sorted((a, b) -> Double.compare(order(b), order(a))).toList();
    }

    private static double order(FeatureDrift f) {
        DriftResult r = f.defaultResult();
        return r.test().isPValue() ? -r.value() : r.value();
    }

    /** Tests whose statistic is a distance in [0, 1] that can stand for the effect of a p-value test. */
    private static final java.util.List<DriftTest> EFFECT_FALLBACK = java.util.List.of(DriftTest.JENSENSHANNON,
            DriftTest.HELLINGER, DriftTest.KS, DriftTest.TVD);

    /**
     * The size of a feature's drift, as a distance that does not shrink with the sample size: the
     * default test's value when the default is a distance (normed Wasserstein, Jensen–Shannon, PSI,
     * ...); otherwise the first defined of Jensen–Shannon distance, Hellinger distance, the KS
     * statistic D and the total variation distance that was run. A p-value is never an effect size.
     *
     * @param f a feature's drift
     * @return the test and its distance, or empty when no distance was run for the feature
     */
    public static java.util.Optional<java.util.Map.Entry<DriftTest, Double>> effect(FeatureDrift f) {
        DriftResult d = f.defaultResult();
        if (!d.test().isPValue() && d.defined()) {
            return java.util.Optional.of(java.util.Map.entry(d.test(), d.value()));
        }
        for (DriftTest t : EFFECT_FALLBACK) {
            DriftResult r = f.tests().get(t);
            if (r != null && r.defined()) {
                return java.util.Optional.of(java.util.Map.entry(t, r.statistic()));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Ranks the drifted features by {@code effect × importance}, largest first (ties by name), so the
     * feature that drifted <em>and</em> matters to the model comes first. The importance is computed
     * by the caller (for example mean |SHAP| from explain's {@code GlobalImportance}); this module does
     * not depend on a model. Drifted features without an importance (not model inputs, such as the
     * label) or without a distance among their results ({@link #effect(FeatureDrift)}) are left out.
     *
     * @param importance per feature, a finite importance {@code >= 0}
     * @return the ranking, one entry per drifted feature that has both numbers
     * @throws IllegalArgumentException if an importance is negative or not finite, naming the feature
     */
    public List<DriftRanking> rankByImportance(Map<String, Double> importance) {
        java.util.List<DriftRanking> out = new java.util.ArrayList<>();
        for (FeatureDrift f : features.values()) {
            Double imp = importance.get(f.feature());
            if (imp != null && !(imp >= 0 && Double.isFinite(imp))) {
                throw new IllegalArgumentException("feature '" + f.feature() + "': importance " + imp
                        + " must be finite and >= 0");
            }
            if (!f.drifted() || imp == null) {
                continue;
            }
            effect(f).ifPresent(e -> out.add(new DriftRanking(f.feature(), e.getKey(), e.getValue(), imp,
                    e.getValue() * imp)));
        }
        out.sort(java.util.Comparator.comparingDouble(DriftRanking::score).reversed()
                .thenComparing(DriftRanking::feature));
        return out;
    }
}
