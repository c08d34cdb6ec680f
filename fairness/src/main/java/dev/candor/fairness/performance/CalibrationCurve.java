package dev.candor.fairness.performance;

import java.util.Arrays;

/**
 * scikit-learn 1.2.1's {@code calibration_curve(y, score, n_bins, strategy)}: the observed rate of
 * positives against the mean score in each non-empty bin, plus the bins that produced them.
 *
 * <p><b>Bins</b> are right-closed, (e_k, e_{k+1}], 0 in the first: a score s goes to bin
 * {@code #{inner edges e < s}} ({@code np.searchsorted(edges[1:-1], s)}), so a score equal to an
 * edge goes to the lower bin. {@link #uniform} uses {@code np.linspace(0, 1, n + 1)} edges, k·(1/n) in
 * double arithmetic (0.30000000000000004 for k = 3 of 10); {@link #quantile} uses numpy 1.24's
 * linear-interpolation percentiles of the scores at q_k = ((k·(1/n))·100)/100, so duplicate edges may
 * leave bins empty. Empty bins are dropped, as scikit-learn does.
 *
 * <p>Weights: scikit-learn 1.2.1 takes none; with weights the means here are weighted (an
 * extension) while the bins stay the same.
 *
 * @param probTrue  the (weighted) fraction of positives in each non-empty bin
 * @param probPred  the (weighted) mean score in each non-empty bin
 * @param binEdges  the {@code n + 1} edges
 * @param binIds    the non-empty bins
 * @param binCounts the rows in each non-empty bin
 * @since 0.1.0
 */
public record CalibrationCurve(double[] probTrue, double[] probPred, double[] binEdges, int[] binIds,
                               long[] binCounts) {

    public CalibrationCurve {
        probTrue = probTrue.clone();
        probPred = probPred.clone();
        binEdges = binEdges.clone();
        binIds = binIds.clone();
        binCounts = binCounts.clone();
    }

    /**
     * @param s     the rows, with probability scores
     * @param nBins the number of bins, ≥ 1
     * @return the curve over equal-width bins
     */
    public static CalibrationCurve uniform(ClassificationSample s, int nBins) {
        s.requireProbabilities("calibration_curve");
        return of(s, linspace(nBins));
    }

    /**
     * @param s     the rows, with probability scores
     * @param nBins the number of bins, ≥ 1
     * @return the curve over bins holding equal numbers of rows (up to ties)
     */
    public static CalibrationCurve quantile(ClassificationSample s, int nBins) {
        s.requireProbabilities("calibration_curve");
        if (s.rows() == 0) {
            throw new IllegalArgumentException("a quantile calibration curve needs at least one row");
        }
        double[] sorted = s.scoresView().clone();
        Arrays.sort(sorted);
        double[] q = linspace(nBins);
        double[] edges = new double[nBins + 1];
        for (int k = 0; k <= nBins; k++) {
            edges[k] = percentile(sorted, (q[k] * 100) / 100);
        }
        return of(s, edges);
    }

    /** numpy's {@code linspace(0, 1, n + 1)}: k·step with step = 1/n, the last exactly 1. */
    private static double[] linspace(int nBins) {
        if (nBins < 1) {
            throw new IllegalArgumentException("nBins must be >= 1, got " + nBins);
        }
        double step = 1.0 / nBins;
        double[] e = new double[nBins + 1];
        for (int k = 0; k < nBins; k++) {
            e[k] = k * step;
        }
        e[nBins] = 1.0;
        return e;
    }

    /** numpy 1.24's 'linear' percentile at fraction q of ascending values, with its lerp. */
    static double percentile(double[] sorted, double q) {
        int n = sorted.length;
        double h = (n - 1) * q;
        if (h >= n - 1) {
            return sorted[n - 1];
        }
        int i = (int) Math.floor(h);
        double g = h - i;
        double a = sorted[i];
        double b = sorted[i + 1];
        double diff = b - a;
        return g >= 0.5 ? b - diff * (1 - g) : a + diff * g;
    }

    private static CalibrationCurve of(ClassificationSample s, double[] edges) {
        int nBins = edges.length - 1;
        double[] w = new double[nBins];
        double[] wy = new double[nBins];
        double[] ws = new double[nBins];
        long[] count = new long[nBins];
        for (int i = 0; i < s.rows(); i++) {
            double x = s.score(i);
            int b = 0;
            while (b < nBins - 1 && edges[b + 1] < x) {
                b++;
            }
            double wi = s.weight(i);
            w[b] += wi;
            wy[b] += wi * s.label(i);
            ws[b] += wi * x;
            count[b]++;
        }
        int m = 0;
        for (long c : count) {
            m += c > 0 ? 1 : 0;
        }
        double[] pt = new double[m];
        double[] pp = new double[m];
        int[] ids = new int[m];
        long[] counts = new long[m];
        int j = 0;
        for (int b = 0; b < nBins; b++) {
            if (count[b] > 0) {
                pt[j] = wy[b] / w[b];
                pp[j] = ws[b] / w[b];
                ids[j] = b;
                counts[j] = count[b];
                j++;
            }
        }
        return new CalibrationCurve(pt, pp, edges, ids, counts);
    }
}
