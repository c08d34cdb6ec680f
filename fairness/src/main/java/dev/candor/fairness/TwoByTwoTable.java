package dev.candor.fairness;

import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * Significance of a gap in a rate between two groups: Pearson's chi-square test and Fisher's exact
 * test on the 2×2 table of row counts
 * <pre>
 *             in numerator   not in numerator
 *   group A        a               b
 *   group B        c               d
 * </pre>
 * (for example, for the selection rate: predicted favorable vs not, in each group).
 *
 * <p>Chi-square: {@code X² = n(ad − bc)² / ((a+b)(c+d)(a+c)(b+d))}, 1 degree of freedom, without
 * Yates' continuity correction (scipy's {@code chi2_contingency(correction=False)}). Fisher: the
 * two-sided p-value sums the hypergeometric probabilities of every table with the same margins that
 * is no more likely than the observed one (relative tolerance 1e-7, as scipy and R do).
 *
 * <p>Tests use unweighted row counts (the number of people), also when the rates are weighted.
 * Edge cases: a zero margin (a group with no rows in the denominator, or a column that is all zero)
 * gives chi-square NaN and Fisher p = 1. When the pair is the max and min of several groups the
 * p-value is not adjusted for that selection.
 *
 * <p>References: Fisher, J. R. Stat. Soc. 85(1) 1922, doi:10.2307/2340521; Agresti, Categorical Data
 * Analysis, 3rd ed., §3.5.
 *
 * @param a          group A, in the numerator
 * @param b          group A, not in the numerator
 * @param c          group B, in the numerator
 * @param d          group B, not in the numerator
 * @param chiSquare  Pearson's X² statistic (NaN when a margin is zero)
 * @param chiSquareP its p-value (NaN when a margin is zero)
 * @param fisherP    the two-sided Fisher exact p-value
 * @since 0.1.0
 */
public record TwoByTwoTable(long a, long b, long c, long d, double chiSquare, double chiSquareP, double fisherP) {

    /**
     * @param a group A, in the numerator
     * @param b group A, not in the numerator
     * @param c group B, in the numerator
     * @param d group B, not in the numerator
     * @return both tests
     * @throws IllegalArgumentException if a count is negative or the total exceeds {@code Integer.MAX_VALUE}
     */
    public static TwoByTwoTable of(long a, long b, long c, long d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got " + a + ", " + b + ", " + c + ", " + d);
        }
        long n = a + b + c + d;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("table total " + n + " exceeds " + Integer.MAX_VALUE);
        }
        double r1 = a + b;
        double r2 = c + d;
        double c1 = a + c;
        double c2 = b + d;
        double chi = Double.NaN;
        double chiP = Double.NaN;
        if (r1 > 0 && r2 > 0 && c1 > 0 && c2 > 0) {
            double diff = (double) a * d - (double) b * c;
            chi = n * (diff / (r1 * r2)) * (diff / (c1 * c2));
            // upper tail of chi-square(1) = Q(1/2, X²/2), accurate also for tiny p-values
            chiP = Gamma.regularizedGammaQ(0.5, chi / 2);
        }
        return new TwoByTwoTable(a, b, c, d, chi, chiP, fisher(a, b, c, d));
    }

    /**
     * The test of a rate's gap between two groups, from their counts.
     *
     * @param rate   a proportion rate
     * @param groupA counts of group A
     * @param groupB counts of group B
     * @return the tests on the unweighted rows
     */
    public static TwoByTwoTable of(Rate rate, ConfusionCounts groupA, ConfusionCounts groupB) {
        long[] x = rate.rowCounts(groupA);
        long[] y = rate.rowCounts(groupB);
        return of(x[0], x[1] - x[0], y[0], y[1] - y[0]);
    }

    private static double fisher(long a, long b, long c, long d) {
        int n = (int) (a + b + c + d);
        int r1 = (int) (a + b);
        int c1 = (int) (a + c);
        if (n == 0 || r1 == 0 || r1 == n || c1 == 0 || c1 == n) {
            return 1.0;
        }
        HypergeometricDistribution h = new HypergeometricDistribution(null, n, c1, r1);
        int lo = Math.max(0, r1 + c1 - n);
        int hi = Math.min(r1, c1);
        double observed = h.logProbability((int) a);
        double limit = observed + Math.log1p(1e-7);
        double p = 0;
        for (int x = lo; x <= hi; x++) {
            double lp = h.logProbability(x);
            if (lp <= limit) {
                p += Math.exp(lp);
            }
        }
        return Math.min(1.0, p);
    }
}
