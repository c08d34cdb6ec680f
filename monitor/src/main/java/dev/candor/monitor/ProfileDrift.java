package dev.candor.monitor;

import dev.candor.core.Provenance;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.datasketches.quantilescommon.DoublesSortedView;

/**
 * Drift of a current sample against a reference kept only as a {@link DatasetProfile} (NannyML's
 * approach: the raw reference need not be stored). The current side is a profile with the
 * reference's schema, filled from raw rows or merged from partial profiles:
 *
 * <pre>{@code
 * ProfileDrift drift = DriftAnalysis.againstProfile(referenceProfile).build();
 * DatasetProfile window = drift.emptyCurrent();          // the reference's features and bins
 * window.feature("age").add(41.0);                        // ... every row of the window
 * DriftReport r = drift.compare(window);
 * }</pre>
 *
 * <h2>What a profile supports, and how exactly</h2>
 * <ul>
 *   <li><b>Exact</b> (the same value as from the raw data binned the same way): every test that
 *       reads counts only — {@code psi}, {@code jensenshannon}, {@code kl_div}, {@code hellinger},
 *       {@code chisquare}, {@code z}, {@code g_test}, {@code fisher_exact}, {@code TVD} and
 *       {@code chi2_contingency}; they apply to numeric features too, when asked for. A categorical feature is compared over its categories (exactly as
 *       {@link DriftAnalysis} does on raw labels); a numeric feature over the slots of the reference's
 *       {@link ReferenceBins} (below the range, each bin, above the range; slots empty on both sides
 *       are left out), which differ from Evidently's edges (those are computed over both samples, so
 *       they cannot be fixed in advance). TVD's permutation p-value sees the rows grouped by category,
 *       so its random stream differs from a raw run in file order; the statistic is the same.</li>
 *   <li><b>Exact from moments</b>: {@code t_test} and {@code welch_t_test} from each side's count,
 *       mean and Welford sum of squared deviations (equal to the raw two-pass test up to rounding:
 *       within 1e-10 relative on Adult, where {@code fnlwgt}'s large mean costs the most bits).</li>
 *   <li><b>Approximate, from the KLL sketches</b>: {@code ks}. The statistic is
 *       {@code D̂ = max_x |F̂_r(x) - F̂_c(x)|} over the sketches' retained items, where each
 *       {@code F̂} is the sketch's normalised rank. Each sketch's rank error is at most
 *       {@code ε_side} (DataSketches' single-query normalised rank error at 99 % confidence, 0 while
 *       the sketch still holds every value), so {@code |D̂ - D| ≤ ε = ε_r + ε_c}; the result's warning
 *       says {@code "approximate, from sketch, |ΔD| ≤ ε"} and its p-value is scipy's asymptotic
 *       {@code kstwo} p-value of {@code D̂}. When both sketches are exact ({@code ε = 0}), D and the
 *       p-value (exact method for max(n) ≤ 10,000) equal {@code ks_2samp}'s.</li>
 *   <li><b>Undefined</b> ({@link UndefinedReason#NEEDS_RAW_VALUES}): {@code wasserstein},
 *       {@code ed}, {@code anderson}, {@code cramer_von_mises}, {@code mannw} (both forms) and
 *       {@code es}, which need every value.</li>
 * </ul>
 *
 * <p><b>Default test.</b> A categorical feature gets Evidently's rule on its counts (chi-square or z
 * up to 1000 reference rows, Jensen–Shannon above). A numeric feature gets the Jensen–Shannon
 * distance over the reference bins (NannyML's default for continuous features, threshold 0.1): a
 * profile does not keep the distinct values Evidently's rule counts, and its numeric default
 * (Wasserstein) needs every value.
 *
 * <p><b>Schema.</b> The current profile must have the reference's schema (features, kinds, bin
 * edges): {@link #compare} refuses another one, naming both schema fingerprints
 * ({@link DatasetProfile#schemaFingerprint()}). Instances are immutable and thread-safe.
 *
 * <p>References: NannyML {@code nannyml/drift/univariate/methods.py} (reference-fitted binning);
 * Karnin, Lang, Liberty, "Optimal quantile approximation in streams", FOCS 2016 (KLL rank error).
 *
 * @since 0.1.0
 */
public final class ProfileDrift {

    private final DatasetProfile reference;
    private final Set<DriftTest> tests;
    private final boolean allApplicable;
    private final double driftShare;

    private ProfileDrift(Builder b) {
        this.reference = b.reference;
        this.tests = EnumSet.noneOf(DriftTest.class);
        this.tests.addAll(b.tests);
        this.allApplicable = b.allApplicable;
        this.driftShare = b.driftShare;
    }

    /**
     * @param reference the reference profile
     * @return a new builder
     */
    public static Builder builder(DatasetProfile reference) {
        return new Builder(reference);
    }

    /** @return the reference profile */
    public DatasetProfile reference() {
        return reference;
    }

    /** @return an empty profile with the reference's features and bins, to fill with current rows */
    public DatasetProfile emptyCurrent() {
        return reference.emptyLike();
    }

    /**
     * @param kind a feature kind
     * @param test a test
     * @return whether a profile gives this test's value exactly (counts or moments), as opposed to
     *         approximately (KS from sketches) or not at all
     */
    public static boolean exactFromProfile(FeatureKind kind, DriftTest test) {
        return test.appliesTo(FeatureKind.CATEGORICAL)
                || kind == FeatureKind.NUMERIC && (test == DriftTest.T_TEST || test == DriftTest.WELCH_T_TEST);
    }

    /**
     * @param current a profile of the current sample with the reference's schema
     * @return the drift report
     * @throws IllegalArgumentException if the schemas differ (naming both fingerprints), or a feature
     *                                  has no non-missing value on a side
     */
    public DriftReport compare(DatasetProfile current) {
        Objects.requireNonNull(current, "current");
        reference.requireSameSchema(current);
        Map<String, FeatureDrift> byName = new LinkedHashMap<>();
        List<String> drifted = new ArrayList<>();
        long refRows = 0;
        long curRows = 0;
        for (FeatureProfile r : reference.features().values()) {
            FeatureProfile c = current.feature(r.feature());
            FeatureDrift f = analyse(r, c);
            byName.put(f.feature(), f);
            if (f.drifted()) {
                drifted.add(f.feature());
            }
            refRows = Math.max(refRows, r.count() + r.missing());
            curRows = Math.max(curRows, c.count() + c.missing());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tests", allApplicable ? "all" : tests.stream().map(DriftTest::key).toList());
        params.put("drift_share", driftShare);
        params.put("reference", "profile " + reference.schemaFingerprint().hash());
        params.put("binning", "reference bins (numeric), categories (categorical)");
        params.put("tvd_iterations", CountStatistics.TVD_ITERATIONS);
        Provenance provenance = Provenance.of("candor-monitor drift against a reference profile", params, 0L, null);
        return new DriftReport(refRows, curRows, byName, DatasetDrift.of(driftShare, byName.size(), drifted),
                Map.of(), provenance);
    }

    private FeatureDrift analyse(FeatureProfile r, FeatureProfile c) {
        FeatureSamples binned = FeatureSamples.ofCounts(r.feature(), table(r, c), r.missing(), c.missing());
        DriftTest def = r.kind() == FeatureKind.CATEGORICAL ? DefaultTests.of(binned) : DriftTest.JENSENSHANNON;
        Map<DriftTest, DriftResult> results = new EnumMap<>(DriftTest.class);
        results.put(def, run(def, r, c, binned));
        Iterable<DriftTest> extra = allApplicable ? DriftTest.evidentlyTests(r.kind()) : tests;
        for (DriftTest t : extra) {
            if ((t.appliesTo(r.kind()) || t.appliesTo(FeatureKind.CATEGORICAL)) && !results.containsKey(t)) {
                results.put(t, run(t, r, c, binned));
            }
        }
        return new FeatureDrift(r.feature(), r.kind(), def, results, share(r), share(c));
    }

    private static double share(FeatureProfile p) {
        return (double) p.missing() / (p.missing() + p.count());
    }

    private static DriftResult run(DriftTest t, FeatureProfile r, FeatureProfile c, FeatureSamples binned) {
        double threshold = t.defaultThreshold();
        if (t.appliesTo(FeatureKind.CATEGORICAL)) {
            return t.run(binned, threshold);
        }
        if (t == DriftTest.T_TEST || t == DriftTest.WELCH_T_TEST) {
            double[] res = MomentStatistics.tTest(r.count(), r.mean(), r.sumOfSquaredDeviations(), c.count(),
                    c.mean(), c.sumOfSquaredDeviations(), t == DriftTest.WELCH_T_TEST);
            if (res == null) {
                return DriftResult.undefined(t, threshold, UndefinedReason.ZERO_VARIANCE);
            }
            return DriftResult.of(t, res[0], res[1], res[1], threshold, List.of());
        }
        if (t == DriftTest.KS) {
            return ksFromSketches(r, c, threshold);
        }
        return DriftResult.undefined(t, threshold, UndefinedReason.NEEDS_RAW_VALUES);
    }

    /** The counts of both sides: categories (union, ascending) or the reference bins' non-empty slots. */
    static CategoryTable table(FeatureProfile r, FeatureProfile c) {
        if (r.kind() == FeatureKind.CATEGORICAL) {
            TreeMap<String, long[]> m = new TreeMap<>();
            r.categoryCounts().forEach((k, v) -> m.computeIfAbsent(k, x -> new long[2])[0] += v);
            c.categoryCounts().forEach((k, v) -> m.computeIfAbsent(k, x -> new long[2])[1] += v);
            long[] rc = new long[m.size()];
            long[] cc = new long[m.size()];
            int i = 0;
            for (long[] v : m.values()) {
                rc[i] = v[0];
                cc[i++] = v[1];
            }
            return new CategoryTable(List.copyOf(m.keySet()), null, rc, cc);
        }
        long[] rs = r.slotCounts();
        long[] cs = c.slotCounts();
        List<String> labels = slotLabels(r.bins());
        List<String> keys = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        for (int i = 0; i < rs.length; i++) {
            if (rs[i] > 0 || cs[i] > 0) {
                keys.add(labels.get(i));
                counts.add(new long[] {rs[i], cs[i]});
            }
        }
        long[] rc = new long[keys.size()];
        long[] cc = new long[keys.size()];
        for (int i = 0; i < rc.length; i++) {
            rc[i] = counts.get(i)[0];
            cc[i] = counts.get(i)[1];
        }
        return new CategoryTable(keys, null, rc, cc);
    }

    /**
     * @param bins reference bins
     * @return a label per slot: {@code "< e0"}, {@code "[e_i, e_i+1)"} (the last closed), {@code "> e_k"}
     */
    public static List<String> slotLabels(ReferenceBins bins) {
        double[] e = bins.edges();
        List<String> out = new ArrayList<>();
        out.add("< " + e[0]);
        for (int i = 0; i + 1 < e.length; i++) {
            out.add("[" + e[i] + ", " + e[i + 1] + (i + 2 == e.length ? "]" : ")"));
        }
        out.add("> " + e[e.length - 1]);
        return out;
    }

    /** KS between two KLL sketches; exact when both still hold every value. */
    static DriftResult ksFromSketches(FeatureProfile r, FeatureProfile c, double threshold) {
        DoublesSortedView a = r.sketch().getSortedView();
        DoublesSortedView b = c.sketch().getSortedView();
        double[] qa = a.getQuantiles();
        long[] wa = a.getCumulativeWeights();
        double[] qb = b.getQuantiles();
        long[] wb = b.getCumulativeWeights();
        long na = a.getN();
        long nb = b.getN();
        if (na == 0 || nb == 0) {
            throw new IllegalArgumentException("feature '" + r.feature() + "': the "
                    + (na == 0 ? Side.REFERENCE : Side.CURRENT).key() + " sample has no non-missing value");
        }
        double maxS = Double.NEGATIVE_INFINITY;
        double minDiff = Double.POSITIVE_INFINITY;
        int i = 0;
        int j = 0;
        while (i < qa.length || j < qb.length) {
            double v = j >= qb.length || (i < qa.length && qa[i] <= qb[j]) ? qa[i] : qb[j];
            while (i < qa.length && qa[i] == v) {
                i++;
            }
            while (j < qb.length && qb[j] == v) {
                j++;
            }
            long ca = i == 0 ? 0 : wa[i - 1];
            long cb = j == 0 ? 0 : wb[j - 1];
            double diff = (double) ca / na - (double) cb / nb;
            maxS = Math.max(maxS, diff);
            minDiff = Math.min(minDiff, diff);
        }
        double minS = Math.max(0.0, Math.min(1.0, -minDiff));
        double d = minS > maxS ? minS : maxS;
        double eps = r.rankError() + c.rankError();
        if (na > Integer.MAX_VALUE || nb > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("feature '" + r.feature() + "': more than " + Integer.MAX_VALUE
                    + " values on a side");
        }
        if (eps == 0) {
            RankStatistics.Ks ks = RankStatistics.ksOfStatistic(d, (int) na, (int) nb, false);
            return DriftResult.of(DriftTest.KS, ks.d(), ks.p(), ks.p(), threshold, List.of());
        }
        RankStatistics.Ks ks = RankStatistics.ksOfStatistic(d, (int) na, (int) nb, true);
        return DriftResult.of(DriftTest.KS, ks.d(), ks.p(), ks.p(), threshold,
                List.of(String.format(Locale.ROOT, "approximate, from sketch, |ΔD| ≤ %.4g", eps)));
    }

    /** Collects the options of a comparison against a reference profile. */
    public static final class Builder {
        private final DatasetProfile reference;
        private final Set<DriftTest> tests = EnumSet.noneOf(DriftTest.class);
        private boolean allApplicable;
        private double driftShare = DatasetDrift.DEFAULT_DRIFT_SHARE;

        private Builder(DatasetProfile reference) {
            this.reference = Objects.requireNonNull(reference, "reference");
            if (reference.features().isEmpty()) {
                throw new IllegalArgumentException("the reference profile has no feature");
            }
        }

        /** Runs these tests (where they apply) besides each feature's default test. */
        public Builder tests(Set<DriftTest> extra) {
            tests.addAll(extra);
            return this;
        }

        /** Runs every Evidently test registered for each feature's kind. */
        public Builder allTests() {
            allApplicable = true;
            return this;
        }

        /** Sets the share of drifted features that makes the dataset drift (default 0.5). */
        public Builder driftShare(double share) {
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("drift share must be in (0, 1], got " + share);
            }
            driftShare = share;
            return this;
        }

        /** @return the comparison */
        public ProfileDrift build() {
            return new ProfileDrift(this);
        }
    }
}
