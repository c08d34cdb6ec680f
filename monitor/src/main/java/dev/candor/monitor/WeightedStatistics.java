package dev.candor.monitor;

import java.util.List;
import java.util.Locale;

/**
 * The drift tests on weighted samples ({@link FeatureSamples#numeric(String, double[], double[], double[],
 * double[])}). A weight is a frequency: integer weights give exactly the results of each row repeated
 * that many times (bit for bit where the unweighted code sums counts, to rounding where it sums
 * values: means and standard deviations).
 *
 * <ul>
 *   <li>{@code ks}: the statistic over weighted ECDFs, {@code D = max_x |W_r(≤x)/W_r - W_c(≤x)/W_c|}.
 *       Its p-value: when every weight is a whole number, scipy's {@code ks_2samp} p-value for sizes
 *       {@code Σw} (the replicated rows); otherwise the asymptotic {@code kstwo} p-value with Kish's
 *       effective sizes {@code n_eff = (Σw)² / Σw²} on each side, flagged in the warnings (the null
 *       distribution of a weighted KS statistic has no closed form; Kish's n is the usual
 *       approximation, exact for equal weights).</li>
 *   <li>{@code wasserstein} and {@code ed}: scipy's {@code wasserstein_distance(u, v, u_weights,
 *       v_weights)} and {@code energy_distance} semantics (CDFs from cumulative weights); the normed
 *       Wasserstein divides by the weighted population standard deviation of the reference,
 *       {@code sqrt(Σw(x - x̄_w)² / Σw)}.</li>
 *   <li>{@code t_test} and {@code welch_t_test}: from weighted moments with {@code n = Σw}
 *       (statsmodels {@code DescrStatsW}: mean {@code Σwx/Σw}, variance {@code Σw(x - x̄)²/(Σw - 1)}).</li>
 *   <li>{@code psi}, {@code jensenshannon}, {@code kl_div}, {@code hellinger}, {@code chisquare}:
 *       Evidently's binning and formulas over weighted counts (the histogram's Sturges rule uses
 *       {@code N = Σw_r + Σw_c}); {@code chisquare}'s degrees of freedom stay K - 1.</li>
 * </ul>
 * Every other test ({@code mannw}, {@code anderson}, {@code cramer_von_mises}, {@code es},
 * {@code z}, {@code fisher_exact}, {@code g_test}, {@code TVD}, {@code chi2_contingency}) is
 * undefined on weighted samples, with {@link UndefinedReason#WEIGHTS_NOT_SUPPORTED}.
 *
 * <p>References: scipy 1.10 {@code scipy/stats/_stats_py.py} ({@code _cdf_distance}); L. Kish,
 * <i>Survey Sampling</i>, Wiley 1965 (effective sample size); statsmodels
 * {@code stats/weightstats.py}.
 *
 * @since 0.1.0
 */
public final class WeightedStatistics {

    private WeightedStatistics() {
    }

    /** @return the weighted result, or {@code null} when the test has no weighted form */
    static DriftResult run(DriftTest t, FeatureSamples s, double threshold) {
        return switch (t) {
            case KS -> ks(s, threshold);
            case T_TEST, WELCH_T_TEST -> tTest(t, s, threshold);
            case WASSERSTEIN -> {
                double std = stdPopulation(s.sorted(Side.REFERENCE), s.weights(Side.REFERENCE));
                if (std == 0) {
                    yield DriftResult.undefined(t, threshold, UndefinedReason.CONSTANT_REFERENCE);
                }
                yield distance(t, cdfDistance(s.pooled(), 1) / Math.max(std, 0.001), threshold);
            }
            case ED -> distance(t, Math.sqrt(2) * cdfDistance(s.pooled(), 2), threshold);
            case PSI -> {
                double[][] b = evidentlyPercents(s);
                yield distance(t, Distances.psi(EvidentlyBinning.floored(b[0]), EvidentlyBinning.floored(b[1])),
                        threshold);
            }
            case KL_DIV -> {
                double[][] b = evidentlyPercents(s);
                yield distance(t, Distances.kl(EvidentlyBinning.floored(b[0]), EvidentlyBinning.floored(b[1])),
                        threshold);
            }
            case JENSENSHANNON -> {
                double[][] b = evidentlyPercents(s);
                yield distance(t, Distances.jensenShannon(b[0], b[1]), threshold);
            }
            case HELLINGER -> distance(t, hellinger(s), threshold);
            case CHISQUARE -> chiSquare(t, s, threshold);
            default -> null;
        };
    }

    private static DriftResult distance(DriftTest t, double d, double threshold) {
        return DriftResult.of(t, d, Double.NaN, d, threshold, List.of());
    }

    /** Weighted ECDF distance: power 1 is Wasserstein-1, power 2 the root of the squared L2 distance. */
    static double cdfDistance(Pooled p, int power) {
        int last = p.size() - 1;
        double[] terms = new double[Math.max(last, 0)];
        double c1 = 0;
        double c2 = 0;
        for (int j = 0; j < last; j++) {
            c1 += p.wRef[j];
            c2 += p.wCur[j];
            double diff = c1 / p.totalRef - c2 / p.totalCur;
            double delta = p.values[j + 1] - p.values[j];
            terms[j] = power == 1 ? Math.abs(diff) * delta : diff * diff * delta;
        }
        double s = NumpySum.sum(terms);
        return power == 1 ? s : Math.sqrt(s);
    }

    static DriftResult ks(FeatureSamples s, double threshold) {
        Pooled p = s.pooled();
        double maxS = Double.NEGATIVE_INFINITY;
        double minDiff = Double.POSITIVE_INFINITY;
        double c1 = 0;
        double c2 = 0;
        for (int j = 0; j < p.size(); j++) {
            c1 += p.wRef[j];
            c2 += p.wCur[j];
            double diff = c1 / p.totalRef - c2 / p.totalCur;
            maxS = Math.max(maxS, diff);
            minDiff = Math.min(minDiff, diff);
        }
        double minS = Math.max(0.0, Math.min(1.0, -minDiff));
        double d = minS > maxS ? minS : maxS;
        double[] wr = s.weights(Side.REFERENCE);
        double[] wc = s.weights(Side.CURRENT);
        if (whole(wr) && whole(wc) && p.totalRef <= Integer.MAX_VALUE && p.totalCur <= Integer.MAX_VALUE) {
            RankStatistics.Ks ks = RankStatistics.ksOfStatistic(d, (int) p.totalRef, (int) p.totalCur, false);
            return DriftResult.of(DriftTest.KS, ks.d(), ks.p(), ks.p(), threshold, List.of());
        }
        double nr = effectiveSize(wr);
        double nc = effectiveSize(wc);
        double en = nr * nc / (nr + nc);
        int kn = Math.max(1, (int) Math.rint(en));
        double pv = Math.max(0, Math.min(1, KsDistribution.kstwoSf(kn, d)));
        return DriftResult.of(DriftTest.KS, d, pv, pv, threshold, List.of(String.format(Locale.ROOT,
                "p-value from Kish effective sample sizes (reference %.6g, current %.6g): the weights are not whole "
                        + "numbers", nr, nc)));
    }

    /** Kish's effective sample size {@code (Σw)² / Σw²}. */
    static double effectiveSize(double[] w) {
        double s = 0;
        double s2 = 0;
        for (double x : w) {
            s += x;
            s2 += x * x;
        }
        return s * s / s2;
    }

    private static boolean whole(double[] w) {
        for (double x : w) {
            if (x != Math.rint(x)) {
                return false;
            }
        }
        return true;
    }

    private static double[] moments(double[] x, double[] w) {
        double sw = 0;
        double swx = 0;
        for (int i = 0; i < x.length; i++) {
            sw += w[i];
            swx += w[i] * x[i];
        }
        double mean = swx / sw;
        double ss = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - mean;
            ss += w[i] * d * d;
        }
        return new double[] {sw, mean, ss};
    }

    static double stdPopulation(double[] x, double[] w) {
        double[] m = moments(x, w);
        return Math.sqrt(m[2] / m[0]);
    }

    private static DriftResult tTest(DriftTest t, FeatureSamples s, double threshold) {
        double[] a = moments(s.sorted(Side.REFERENCE), s.weights(Side.REFERENCE));
        double[] b = moments(s.sorted(Side.CURRENT), s.weights(Side.CURRENT));
        double[] r = MomentStatistics.tTest(a[0], a[1], a[2], b[0], b[1], b[2], t == DriftTest.WELCH_T_TEST);
        if (r == null) {
            return DriftResult.undefined(t, threshold, UndefinedReason.ZERO_VARIANCE);
        }
        return DriftResult.of(t, r[0], r[1], r[1], threshold, List.of());
    }

    /** Weighted counts per category (categorical) or per distinct value (numeric), both sides. */
    private static double[][] categoryWeights(FeatureSamples s) {
        if (s.kind() == FeatureKind.CATEGORICAL) {
            return new double[][] {s.weights(Side.REFERENCE), s.weights(Side.CURRENT)};
        }
        Pooled p = s.pooled();
        return new double[][] {p.wRef, p.wCur};
    }

    /** Evidently's binning ({@link EvidentlyBinning}) over weighted counts, as shares of each side's weight. */
    static double[][] evidentlyPercents(FeatureSamples s) {
        double[][] counts;
        if (s.kind() == FeatureKind.NUMERIC && s.distinctReference() > EvidentlyBinning.CATEGORY_LIMIT) {
            Pooled p = s.pooled();
            double[] edges = EvidentlyBinning.sturgesEdges(p.values[0], p.values[p.size() - 1],
                    p.totalRef + p.totalCur);
            counts = histograms(p, edges);
        } else {
            counts = categoryWeights(s);
        }
        return new double[][] {shares(counts[0]), shares(counts[1])};
    }

    /** @return the weight per bin of the reference (index 0) and of the current sample (index 1) */
    private static double[][] histograms(Pooled p, double[] edges) {
        int bins = edges.length - 1;
        int[] binOf = EvidentlyBinning.binOfEach(p, edges);
        double[] ref = new double[bins];
        double[] cur = new double[bins];
        for (int j = 0; j < binOf.length; j++) {
            int b = binOf[j];
            if (b >= 0 && b < bins) {
                ref[b] += p.wRef[j];
                cur[b] += p.wCur[j];
            }
        }
        return new double[][] {ref, cur};
    }

    private static double[] shares(double[] w) {
        double n = 0;
        for (double x : w) {
            n += x;
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] / n;
        }
        return out;
    }

    private static double hellinger(FeatureSamples s) {
        double bc = 0;
        if (s.kind() == FeatureKind.CATEGORICAL) {
            double[] r = shares(s.weights(Side.REFERENCE));
            double[] c = shares(s.weights(Side.CURRENT));
            for (int i = 0; i < r.length; i++) {
                bc += Math.sqrt(r[i] * c[i]);
            }
        } else {
            Pooled p = s.pooled();
            double[] edges = EvidentlyBinning.sturgesEdges(p.values[0], p.values[p.size() - 1], p.size());
            double[][] h = histograms(p, edges);
            double[] h1 = h[0];
            double[] h2 = h[1];
            int bins = edges.length - 1;
            double width = (edges[bins] - edges[0]) / bins;
            for (int i = 0; i < bins; i++) {
                double d1 = h1[i] / (edges[i + 1] - edges[i]) / p.totalRef;
                double d2 = h2[i] / (edges[i + 1] - edges[i]) / p.totalCur;
                bc += Math.sqrt(d1 * d2) * width;
            }
        }
        return Math.sqrt(1 - Math.max(0, Math.min(1, bc)));
    }

    private static DriftResult chiSquare(DriftTest t, FeatureSamples s, double threshold) {
        double[][] w = categoryWeights(s);
        if (w[0].length < 2) {
            return DriftResult.undefined(t, threshold, UndefinedReason.SINGLE_CATEGORY);
        }
        double tr = 0;
        double tc = 0;
        for (int i = 0; i < w[0].length; i++) {
            tr += w[0][i];
            tc += w[1][i];
        }
        double kNorm = tc / tr;
        double[] terms = new double[w[0].length];
        for (int i = 0; i < terms.length; i++) {
            double exp = w[0][i] * kNorm;
            double d = w[1][i] - exp;
            terms[i] = d * d / exp;
        }
        double stat = NumpySum.sum(terms);
        double p = Special.chi2Sf(stat, terms.length - 1);
        return DriftResult.of(t, stat, p, p, threshold, List.of());
    }
}
