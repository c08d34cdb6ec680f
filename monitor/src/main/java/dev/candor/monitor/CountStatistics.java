package dev.candor.monitor;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.special.Gamma;

/**
 * Tests on the counts of a {@link CategoryTable}: chi-square goodness of fit (Evidently's
 * {@code chisquare}), chi-square homogeneity (scipy {@code chi2_contingency}), the two-proportion
 * z-test on the first category, Fisher's exact test, the G-test and the total variation distance
 * with its permutation p-value.
 */
final class CountStatistics {

    /** Iterations of the TVD permutation test (Evidently's value). */
    static final int TVD_ITERATIONS = 1000;

    private CountStatistics() {
    }

    /**
     * Evidently's {@code chisquare}: observed = current counts, expected = reference counts scaled by
     * {@code n_c / n_r}; a category absent from the reference gives an infinite statistic, p = 0.
     */
    static TestStatistic chiSquareGoodnessOfFit(CategoryTable t) {
        double kNorm = (double) t.currentTotal() / t.referenceTotal();
        double[] terms = new double[t.size()];
        for (int i = 0; i < t.size(); i++) {
            double obs = t.cur(i);
            double exp = t.ref(i) * kNorm;
            double d = obs - exp;
            terms[i] = d * d / exp;
        }
        double stat = NumpySum.sum(terms);
        return TestStatistic.of(stat, Special.chi2Sf(stat, t.size() - 1));
    }

    /**
     * Chi-square test of homogeneity on the 2 x K table (scipy {@code chi2_contingency}, Yates'
     * correction when K = 2). A category seen on one side only is a cell like any other.
     */
    static TestStatistic chiSquareHomogeneity(CategoryTable t, boolean yates) {
        double nr = t.referenceTotal();
        double nc = t.currentTotal();
        double n = nr + nc;
        boolean correct = yates && t.size() == 2;
        double[] terms = new double[2 * t.size()];
        for (int i = 0; i < t.size(); i++) {
            double col = t.ref(i) + t.cur(i);
            double[] obs = {t.ref(i), t.cur(i)};
            double[] exp = {nr * col / n, nc * col / n};
            for (int r = 0; r < 2; r++) {
                double d = obs[r] - exp[r];
                if (correct) {
                    d = Math.signum(d) * Math.max(0, Math.abs(d) - Math.min(0.5, Math.abs(d)));
                }
                terms[r * t.size() + i] = d * d / exp[r];
            }
        }
        double stat = NumpySum.sum(terms);
        return TestStatistic.of(stat, Special.chi2Sf(stat, t.size() - 1));
    }

    /**
     * Evidently's {@code z}: two-proportion z-test on "value differs from the first (ascending) key",
     * with its {@code 2 (1 - Φ(|z|))} form (exactly 0 once Φ rounds to 1).
     */
    static TestStatistic zTest(CategoryTable t) {
        long nr = t.referenceTotal();
        long nc = t.currentTotal();
        if (t.size() == 1) {
            return TestStatistic.of(0.0, 1.0);
        }
        double p1 = (double) (nr - t.ref(0)) / nr;
        double p2 = (double) (nc - t.cur(0)) / nc;
        double pp = (p1 * nr + p2 * nc) / (nr + nc);
        double z = (p1 - p2) / Math.sqrt(pp * (1 - pp) * (1.0 / nr + 1.0 / nc));
        return TestStatistic.of(z, 2 * (1 - Special.ndtr(Math.abs(z))));
    }

    /**
     * Two-sided Fisher exact test on {@code [[cur ones, cur zeros], [ref ones, ref zeros]]}, "one"
     * being the second key: the sum of the hypergeometric probabilities of all tables no more likely
     * than the observed one (relative tolerance 1e-14, as scipy).
     */
    static TestStatistic fisherExact(CategoryTable t) {
        long a = t.cur(1);
        long b = t.cur(0);
        long c = t.ref(1);
        long d = t.ref(0);
        long n1 = a + b;
        long n2 = c + d;
        long n = a + c;
        long total = n1 + n2;
        double oddsRatio = (b * c) == 0 ? Double.NaN : (double) (a * d) / (b * c);
        long lo = Math.max(0, n - n2);
        long hi = Math.min(n, n1);
        double lp = logHypergeom(a, total, n1, n);
        double pExact = Math.exp(lp);
        double p = 0;
        double mode = Math.floor((n + 1.0) * (n1 + 1.0) / (total + 2.0));
        double pMode = Math.exp(logHypergeom((long) mode, total, n1, n));
        if (Math.abs(pExact - pMode) / Math.max(pExact, pMode) <= 1e-14) {
            return TestStatistic.of(oddsRatio, 1.0);
        }
        for (long x = lo; x <= hi; x++) {
            double px = Math.exp(logHypergeom(x, total, n1, n));
            if (px <= pExact * (1 + 1e-14)) {
                p += px;
            }
        }
        return TestStatistic.of(oddsRatio, Math.min(1.0, p));
    }

    private static double logHypergeom(long x, long total, long good, long draws) {
        return logChoose(good, x) + logChoose(total - good, draws - x) - logChoose(total, draws);
    }

    private static double logChoose(long n, long k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }

    /**
     * G-test ({@code power_divergence} with {@code lambda_="log-likelihood"}): observed = current
     * counts, expected = reference counts, not rescaled.
     *
     * @return the test, or {@code null} when the totals differ by more than 1e-8 (relative)
     */
    static TestStatistic gTest(CategoryTable t) {
        double so = t.currentTotal();
        double se = t.referenceTotal();
        if (Math.abs(so - se) / Math.min(so, se) > 1e-8) {
            return null;
        }
        double[] terms = new double[t.size()];
        for (int i = 0; i < t.size(); i++) {
            double o = t.cur(i);
            double e = t.ref(i);
            terms[i] = o == 0 ? 0.0 : (e == 0 ? Double.POSITIVE_INFINITY : o * Math.log(o / e));
        }
        double g = 2 * NumpySum.sum(terms);
        return TestStatistic.of(g, Special.chi2Sf(g, t.size() - 1));
    }

    /** Total variation distance {@code 0.5 Σ |r_i/n_r - c_i/n_c|}. */
    static double totalVariation(CategoryTable t) {
        double nr = t.referenceTotal();
        double nc = t.currentTotal();
        double[] terms = new double[t.size()];
        for (int i = 0; i < t.size(); i++) {
            terms[i] = Math.abs(t.ref(i) / nr - t.cur(i) / nc);
        }
        return 0.5 * NumpySum.sum(terms);
    }

    /**
     * Permutation p-value of the TVD: {@code iterations} random splits of the pooled sequence
     * (reference rows then current rows) into samples of the original sizes; the p-value is the
     * share of splits whose TVD is at least the observed one, compared exactly through the integer
     * {@code Σ |r_i n_c - c_i n_r|}. The splits are numpy's legacy {@code RandomState(seed).permutation}
     * (MT19937 and Fisher–Yates from the end), so with seed 0 the p-value is Evidently's with ties
     * counted exactly.
     */
    static double tvdPermutationPValue(int[] refCodes, int[] curCodes, int categories, long seed, int iterations) {
        int nr = refCodes.length;
        int nc = curCodes.length;
        int n = nr + nc;
        int[] pooled = new int[n];
        System.arraycopy(refCodes, 0, pooled, 0, nr);
        System.arraycopy(curCodes, 0, pooled, nr, nc);
        long[] totals = new long[categories];
        long[] rc = new long[categories];
        for (int c : refCodes) {
            rc[c]++;
        }
        for (int c : pooled) {
            totals[c]++;
        }
        long observed = integerDistance(rc, totals, nr, n);
        MersenneTwister mt = new MersenneTwister((int) seed);
        int[] perm = new int[n];
        long hits = 0;
        long[] counts = new long[categories];
        for (int it = 0; it < iterations; it++) {
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i >= 1; i--) {
                int j = randomInterval(mt, i);
                int tmp = perm[i];
                perm[i] = perm[j];
                perm[j] = tmp;
            }
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < nr; i++) {
                counts[pooled[perm[i]]]++;
            }
            if (integerDistance(counts, totals, nr, n) >= observed) {
                hits++;
            }
        }
        return (double) hits / iterations;
    }

    /** {@code Σ |r_i n_c - c_i n_r|} written with c_i = t_i - r_i: {@code Σ |r_i N - t_i n_r|}. */
    private static long integerDistance(long[] refCounts, long[] totals, long nr, long n) {
        long s = 0;
        for (int i = 0; i < refCounts.length; i++) {
            s += Math.abs(refCounts[i] * n - totals[i] * nr);
        }
        return s;
    }

    /** numpy's legacy {@code random_interval}: masked rejection sampling on 32-bit outputs. */
    private static int randomInterval(MersenneTwister mt, int max) {
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = (mt.nextInt() & 0xffffffffL) & mask;
        } while (value > max);
        return (int) value;
    }
}
