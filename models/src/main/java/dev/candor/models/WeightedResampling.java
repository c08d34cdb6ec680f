package dev.candor.models;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Weighted resampling: a sample of row indices drawn with replacement, each draw picking row
 * \(i\) with probability \(w_i / \sum_j w_j\). Training an unweighted learner on the resampled rows
 * approximates training it with the weights (in expectation each row appears \(m\,w_i/\sum w\) times);
 * it is the fallback for learners that take no sample weights, such as Smile 3.1.1's trees, and is
 * named as such wherever it is used, because it adds sampling noise that true weights do not.
 *
 * <p>Draws use inverse-CDF lookup (binary search over the cumulative weights) with a
 * {@link SplittableRandom} seeded by {@code seed}, so a seed always gives the same indices. The result
 * is sorted, so that the resampled data keeps the original row order.
 *
 * <p>Reference: B. Efron and R. Tibshirani, <i>An Introduction to the Bootstrap</i>, Chapman & Hall,
 * 1993, doi:10.1201/9780429246593 (weighted bootstrap).
 *
 * @since 0.1.0
 */
public final class WeightedResampling {

    private WeightedResampling() {
    }

    /**
     * @param weights the row weights (finite, {@code >= 0}, not all 0)
     * @param draws   the number of rows to draw, {@code >= 1}
     * @param seed    the random seed
     * @return {@code draws} row indices in increasing order (with repeats)
     * @throws IllegalArgumentException if a weight is negative, NaN or infinite, all are 0, or
     *                                  {@code draws < 1}
     */
    public static int[] draw(double[] weights, int draws, long seed) {
        Objects.requireNonNull(weights, "weights");
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be >= 1, got " + draws);
        }
        double[] cum = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights at row " + i + " is " + w
                        + ": weights must be finite and >= 0");
            }
            total += w;
            cum[i] = total;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights: every weight is 0, nothing can be drawn");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] counts = new int[weights.length];
        for (int d = 0; d < draws; d++) {
            double u = rng.nextDouble() * total;
            int lo = 0;
            int hi = cum.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cum[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            while (weights[lo] == 0) {
                lo--; // u rounded up to the total: take the last row that has weight
            }
            counts[lo]++;
        }
        int[] out = new int[draws];
        for (int i = 0, k = 0; i < counts.length; i++) {
            for (int c = 0; c < counts[i]; c++) {
                out[k++] = i;
            }
        }
        return out;
    }
}
