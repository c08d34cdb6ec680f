package dev.candor.fairness.mitigation;

/**
 * Neumaier-compensated running sums, one per slot: the error of a sum of n terms stays about one
 * rounding of the result instead of growing with n, so weighted totals agree with exact arithmetic
 * to the last digit or two.
 *
 * <p>Reference: A. Neumaier, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
 * Summen", ZAMM 54(1), 39–51, 1974, doi:10.1002/zamm.19740540106.
 */
final class CompensatedSums {
    private final double[] sum;
    private final double[] comp;

    CompensatedSums(int slots) {
        sum = new double[slots];
        comp = new double[slots];
    }

    void add(int slot, double x) {
        double s = sum[slot];
        double t = s + x;
        if (Math.abs(s) >= Math.abs(x)) {
            comp[slot] += (s - t) + x;
        } else {
            comp[slot] += (x - t) + s;
        }
        sum[slot] = t;
    }

    double sum(int slot) {
        return sum[slot] + comp[slot];
    }
}
