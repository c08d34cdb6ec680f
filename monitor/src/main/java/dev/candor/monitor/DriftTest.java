package dev.candor.monitor;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The two-sample drift tests, named as in Evidently's registry, each constant carrying its
 * behaviour. {@link DriftResult#value()} is what Evidently reports for the test — a p-value for a
 * test, the distance itself for a distance — and {@link #defaultThreshold()} and {@link #rule()}
 * are Evidently's, so a team moving from Evidently gets the same verdicts.
 *
 * <h2>p-values shrink with n; distances do not</h2>
 * With 10^6 rows every test is "significant" for a negligible shift (Evidently issues #50, #171,
 * #509). Every p-value test here comes with a statistic; the distances ({@link #WASSERSTEIN},
 * {@link #JENSENSHANNON}, {@link #PSI}, {@link #HELLINGER}, ...) have thresholds that do not move
 * with the sample size, and {@link DefaultTests} picks a distance when the reference has more than
 * 1000 rows, as Evidently does.
 *
 * <h2>Reproduced quirks (kept under Evidently's names, sound variants beside them)</h2>
 * <ul>
 *   <li>{@link #CHISQUARE} is a goodness-of-fit test of the current counts against the scaled
 *       reference counts: a category absent from the reference gives an infinite statistic and
 *       p = 0. {@link #CHI2_CONTINGENCY} is the homogeneity test that treats both samples alike.</li>
 *   <li>{@link #Z} compares only the first category (ascending) against the rest, and computes
 *       {@code 2 (1 - Φ(|z|))}, exactly 0 once |z| > ~8.3.</li>
 *   <li>{@link #T_TEST} is Student's pooled-variance test; {@link #WELCH_T_TEST} is Welch's.</li>
 *   <li>{@link #MANNW} is one-sided ({@code alternative='less'}); {@link #MANNW_TWO_SIDED} is not.</li>
 *   <li>{@link #ANDERSON} reports scipy's significance level, clipped to [0.001, 0.25].</li>
 *   <li>{@link #CRAMER_VON_MISES} is not tie-corrected: on discrete features it flags drift on
 *       identical distributions; prefer {@link #KS} there.</li>
 *   <li>{@link #ED} is in the feature's own units (not normalised) with a fixed 0.1 threshold.</li>
 *   <li>{@link #WASSERSTEIN} divides by {@code max(std_ref, 0.001)}: a constant reference gives
 *       Evidently's huge value (W1 / 0.001, which the monitoring golden file records), with a
 *       warning saying so.</li>
 *   <li>{@link #FISHER_EXACT} and {@link #G_TEST} compare raw counts, so they need equal sample
 *       sizes (undefined otherwise, where Evidently raises).</li>
 *   <li>{@link #TVD}'s value is a permutation p-value (1000 splits, numpy's MT19937 stream with
 *       seed 0, ties with the observed distance counted exactly).</li>
 * </ul>
 *
 * <p><b>Weights.</b> On weighted samples ({@link FeatureSamples#weighted()}) the tests listed in
 * {@link WeightedStatistics} use the weights; the others are undefined
 * ({@link UndefinedReason#WEIGHTS_NOT_SUPPORTED}).
 *
 * <p>References: Evidently 0.7.21 {@code src/evidently/legacy/calculations/stattests/}; scipy 1.10
 * {@code scipy.stats}; the golden files {@code shared/golden/drift/} and their README.
 *
 * @since 0.1.0
 */
public enum DriftTest {

    /** Two-sample Kolmogorov–Smirnov p-value (scipy {@code ks_2samp}, method auto). */
    KS("ks", "K-S p_value", 0.05, DriftRule.AT_MOST, true, false) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            RankStatistics.Ks ks = RankStatistics.ks(s.pooled(), false);
            return DriftResult.of(this, ks.d(), ks.p(), ks.p(), threshold, List.of());
        }
    },
    /** Evidently's chi-square goodness-of-fit p-value (current against scaled reference counts). */
    CHISQUARE("chisquare", "chi-square p_value", 0.05, DriftRule.BELOW, true, true) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            CategoryTable t = s.categories();
            if (t.size() < 2) {
                return DriftResult.undefined(this, threshold, UndefinedReason.SINGLE_CATEGORY);
            }
            return pValue(this, CountStatistics.chiSquareGoodnessOfFit(t), threshold);
        }
    },
    /** Two-proportion z-test p-value on the first category (Evidently's {@code z}). */
    Z("z", "Z-test p_value", 0.05, DriftRule.BELOW, true, true) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            return pValue(this, CountStatistics.zTest(s.categories()), threshold);
        }
    },
    /** Student's two-sample t-test p-value (pooled variance). */
    T_TEST("t_test", "t_test", 0.05, DriftRule.BELOW, true, false) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            return tTest(this, s, threshold, false);
        }
    },
    /** Welch's t-test p-value (not in Evidently; the sound choice for unequal variances). */
    WELCH_T_TEST("welch_t_test", "Welch t-test", 0.05, DriftRule.BELOW, true, false) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            return tTest(this, s, threshold, true);
        }
    },
    /** One-sided Mann–Whitney U p-value ({@code alternative='less'}), as Evidently's {@code mannw}. */
    MANNW("mannw", "Mann-Whitney U-rank test", 0.05, DriftRule.BELOW, true, false) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            return pValue(this, RankStatistics.mannWhitney(s.pooled(), false), threshold);
        }
    },
    /** Two-sided Mann–Whitney U p-value (not in Evidently). */
    MANNW_TWO_SIDED("mannw_two_sided", "Mann-Whitney U-rank test (two-sided)", 0.05, DriftRule.BELOW, true,
            false) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            return pValue(this, RankStatistics.mannWhitney(s.pooled(), true), threshold);
        }
    },
    /** Anderson–Darling k-sample significance level (scipy, clipped to [0.001, 0.25]). */
    ANDERSON("anderson", "Anderson-Darling", 0.1, DriftRule.BELOW, true, false) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            return pValue(this, RankStatistics.andersonDarling(s.pooled()), threshold);
        }
    },
    /** Two-sample Cramér–von Mises p-value (asymptotic, not tie-corrected, as Evidently). */
    CRAMER_VON_MISES("cramer_von_mises", "Cramer-von Mises", 0.1, DriftRule.AT_MOST, true, false) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            RankStatistics.Cvm c = RankStatistics.cramerVonMises(s.pooled());
            return DriftResult.of(this, c.t(), c.p(), c.p(), threshold, List.of());
        }
    },
    /** Epps–Singleton p-value ({@code t = (0.4, 0.8)}); undefined when the pooled IQR is zero. */
    ES("es", "Epps-Singleton", 0.05, DriftRule.BELOW, true, false) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            double[] a = s.sorted(Side.REFERENCE);
            double[] b = s.sorted(Side.CURRENT);
            double[] pooled = new double[a.length + b.length];
            Pooled p = s.pooled();
            int k = 0;
            for (int j = 0; j < p.size(); j++) {
                for (int q = 0; q < p.ref[j] + p.cur[j]; q++) {
                    pooled[k++] = p.values[j];
                }
            }
            MomentStatistics.EppsSingleton es = MomentStatistics.eppsSingleton(a, b, pooled);
            if (es == null) {
                return DriftResult.undefined(this, threshold, UndefinedReason.ZERO_IQR);
            }
            return DriftResult.of(this, es.w(), es.p(), es.p(), threshold, List.of());
        }
    },
    /** Wasserstein-1 distance divided by the reference's population standard deviation. */
    WASSERSTEIN("wasserstein", "Wasserstein distance (normed)", 0.1, DriftRule.AT_LEAST, true, false) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            double std = MomentStatistics.stdPopulation(s.sorted(Side.REFERENCE));
            double w = RankStatistics.cdfDistance(s.pooled(), 1) / Math.max(std, 0.001);
            if (std < 0.001) {
                // Evidently divides by max(std, 0.001): a (near-)constant reference inflates the value
                return DriftResult.of(this, w, Double.NaN, w, threshold, List.of(
                        "reference standard deviation " + std + " < 0.001: W1 divided by 0.001 as Evidently does"));
            }
            return distance(this, w, threshold);
        }
    },
    /** Energy distance (scipy {@code energy_distance}), in the feature's units. */
    ED("ed", "Energy-distance", 0.1, DriftRule.ABOVE, true, false) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            return distance(this, RankStatistics.energy(s.pooled()), threshold);
        }
    },
    /** Population stability index over Evidently's binning, zeros floored. */
    PSI("psi", "PSI", 0.1, DriftRule.AT_LEAST, true, true) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            EvidentlyBinning b = EvidentlyBinning.of(s);
            return distance(this, Distances.psi(EvidentlyBinning.floored(b.referencePercents()),
                    EvidentlyBinning.floored(b.currentPercents())), threshold);
        }
    },
    /** Jensen–Shannon distance (square root of the divergence, nats) over Evidently's binning. */
    JENSENSHANNON("jensenshannon", "Jensen-Shannon distance", 0.1, DriftRule.AT_LEAST, true, true) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            EvidentlyBinning b = EvidentlyBinning.of(s);
            return distance(this, Distances.jensenShannon(b.referencePercents(), b.currentPercents()), threshold);
        }
    },
    /** Kullback–Leibler divergence KL(reference || current) over Evidently's binning, zeros floored. */
    KL_DIV("kl_div", "Kullback-Leibler divergence", 0.1, DriftRule.AT_LEAST, true, true) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            EvidentlyBinning b = EvidentlyBinning.of(s);
            return distance(this, Distances.kl(EvidentlyBinning.floored(b.referencePercents()),
                    EvidentlyBinning.floored(b.currentPercents())), threshold);
        }
    },
    /** Hellinger distance with Evidently's own binning. */
    HELLINGER("hellinger", "Hellinger distance", 0.1, DriftRule.AT_LEAST, true, true) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            return distance(this, Distances.hellinger(s), threshold);
        }
    },
    /** Two-sided Fisher exact p-value; binary features with equal sample sizes only. */
    FISHER_EXACT("fisher_exact", "Fisher's Exact test", 0.1, DriftRule.BELOW, false, true) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            CategoryTable t = s.categories();
            if (countPresent(t, true) > 2 || countPresent(t, false) > 2 || t.size() > 2) {
                return DriftResult.undefined(this, threshold, UndefinedReason.NOT_BINARY);
            }
            if (s.size(Side.REFERENCE) != s.size(Side.CURRENT)) {
                return DriftResult.undefined(this, threshold, UndefinedReason.UNEQUAL_SIZES);
            }
            if (t.size() < 2) {
                return DriftResult.undefined(this, threshold, UndefinedReason.SINGLE_CATEGORY);
            }
            return pValue(this, CountStatistics.fisherExact(t), threshold);
        }
    },
    /** G-test p-value (log-likelihood ratio) of current against reference counts; equal sizes only. */
    G_TEST("g_test", "g_test", 0.1, DriftRule.BELOW, false, true) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            TestStatistic g = CountStatistics.gTest(s.categories());
            if (g == null) {
                return DriftResult.undefined(this, threshold, UndefinedReason.UNEQUAL_SIZES);
            }
            return pValue(this, g, threshold);
        }
    },
    /** Total variation distance with its permutation p-value as the value. */
    TVD("TVD", "Total-Variation-Distance", 0.1, DriftRule.BELOW, false, true) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            CategoryTable t = s.categories();
            double stat = CountStatistics.totalVariation(t);
            double p = CountStatistics.tvdPermutationPValue(s.codes(Side.REFERENCE), s.codes(Side.CURRENT),
                    t.size(), 0L, CountStatistics.TVD_ITERATIONS);
            return DriftResult.of(this, stat, p, p, threshold, List.of());
        }
    },
    /** Chi-square homogeneity p-value on the 2 x K table (scipy {@code chi2_contingency}; not in Evidently). */
    CHI2_CONTINGENCY("chi2_contingency", "chi-square homogeneity", 0.05, DriftRule.BELOW, true, true) {
        @Override
        DriftResult run(FeatureSamples s, double threshold) {
            CategoryTable t = s.categories();
            if (t.size() < 2) {
                return DriftResult.undefined(this, threshold, UndefinedReason.SINGLE_CATEGORY);
            }
            return pValue(this, CountStatistics.chiSquareHomogeneity(t, true), threshold);
        }
    };

    private final String key;
    private final String displayName;
    private final double defaultThreshold;
    private final DriftRule rule;
    private final boolean numeric;
    private final boolean categorical;

    DriftTest(String key, String displayName, double defaultThreshold, DriftRule rule, boolean numeric,
            boolean categorical) {
        this.key = key;
        this.displayName = displayName;
        this.defaultThreshold = defaultThreshold;
        this.rule = rule;
        this.numeric = numeric;
        this.categorical = categorical;
    }

    abstract DriftResult run(FeatureSamples s, double threshold);

    /**
     * Runs the test at its default threshold.
     *
     * @param samples the feature's samples
     * @return the result; undefined with a reason where the test does not apply
     */
    public DriftResult test(FeatureSamples samples) {
        return test(samples, defaultThreshold);
    }

    /**
     * @param samples   the feature's samples
     * @param threshold the threshold to compare the value with
     * @return the result; undefined with a reason where the test does not apply
     */
    public DriftResult test(FeatureSamples samples, double threshold) {
        if (!appliesTo(samples.kind())) {
            return DriftResult.undefined(this, threshold, UndefinedReason.NOT_APPLICABLE);
        }
        if (samples.weighted()) {
            DriftResult r = WeightedStatistics.run(this, samples, threshold);
            return r != null ? r : DriftResult.undefined(this, threshold, UndefinedReason.WEIGHTS_NOT_SUPPORTED);
        }
        return run(samples, threshold);
    }

    /** @return Evidently's registry name ({@code ks}, {@code psi}, {@code TVD}, ...) */
    public String key() {
        return key;
    }

    /** @return Evidently's display name */
    public String displayName() {
        return displayName;
    }

    /** @return Evidently's default threshold */
    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** @return how the value is compared with the threshold */
    public DriftRule rule() {
        return rule;
    }

    /** @return whether the value is a p-value (small means drift) rather than a distance */
    public boolean isPValue() {
        return rule == DriftRule.AT_MOST || rule == DriftRule.BELOW;
    }

    /** @return whether the test can run on a feature of this kind */
    public boolean appliesTo(FeatureKind kind) {
        return kind == FeatureKind.NUMERIC ? numeric : categorical;
    }

    /** @return whether Evidently registers this test (the others are Candor's sound variants) */
    public boolean isEvidently() {
        return this != WELCH_T_TEST && this != MANNW_TWO_SIDED && this != CHI2_CONTINGENCY;
    }

    /**
     * Evidently's registered tests for a feature kind, in the golden files' order.
     *
     * @param kind the feature kind
     * @return the tests
     */
    public static List<DriftTest> evidentlyTests(FeatureKind kind) {
        return kind == FeatureKind.NUMERIC
                ? List.of(KS, T_TEST, MANNW, ANDERSON, CRAMER_VON_MISES, ES, WASSERSTEIN, ED, PSI, JENSENSHANNON,
                        KL_DIV, HELLINGER)
                : List.of(CHISQUARE, Z, FISHER_EXACT, G_TEST, TVD, PSI, JENSENSHANNON, KL_DIV, HELLINGER);
    }

    /** @return every test */
    public static Set<DriftTest> all() {
        return EnumSet.allOf(DriftTest.class);
    }

    /**
     * @param key a registry name, case-sensitive first, then ignoring case
     * @return the test with that name
     */
    public static Optional<DriftTest> byKey(String key) {
        for (DriftTest t : values()) {
            if (t.key.equals(key)) {
                return Optional.of(t);
            }
        }
        for (DriftTest t : values()) {
            if (t.key.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static DriftResult pValue(DriftTest t, TestStatistic s, double threshold) {
        return DriftResult.of(t, s.statistic(), s.pValue(), s.pValue(), threshold, s.warnings());
    }

    private static DriftResult distance(DriftTest t, double d, double threshold) {
        return DriftResult.of(t, d, Double.NaN, d, threshold, List.of());
    }

    private static DriftResult tTest(DriftTest t, FeatureSamples s, double threshold, boolean welch) {
        double[] r = MomentStatistics.tTest(s.sorted(Side.REFERENCE), s.sorted(Side.CURRENT), welch);
        if (r == null) {
            return DriftResult.undefined(t, threshold, UndefinedReason.ZERO_VARIANCE);
        }
        return DriftResult.of(t, r[0], r[1], r[1], threshold, List.of());
    }

    private static int countPresent(CategoryTable t, boolean reference) {
        int c = 0;
        for (int i = 0; i < t.size(); i++) {
            if ((reference ? t.ref(i) : t.cur(i)) > 0) {
                c++;
            }
        }
        return c;
    }
}
