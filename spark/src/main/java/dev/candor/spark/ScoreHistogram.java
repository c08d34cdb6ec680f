package dev.candor.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The weighted positives and negatives of one group by score: every distinct score (exact), or
 * equal-width bins over [0, 1] (bounded memory). Merges by addition.
 *
 * <p>The ROC AUC of the histogram is the weighted Mann–Whitney statistic over its cells, scores in
 * one cell counting as ties (½). With every distinct score kept this is exactly scikit-learn's
 * {@code roc_auc_score}. With {@code B} bins, pairs (positive, negative) in different bins are
 * ordered correctly and only pairs in the same bin are mis-scored (½ instead of 0 or 1), so
 *
 * <pre>  |AUC_hist − AUC_exact| ≤ ½ Σ_b P_b N_b / (P N)</pre>
 *
 * where {@code P_b, N_b} are the weighted positives and negatives in bin {@code b} and {@code P, N}
 * their totals ({@link #aucErrorBound}, computable from the histogram alone). For scores spread over
 * many bins the bound shrinks like {@code 1/B}. Not synchronized.
 *
 * @since 0.1.0
 */
public final class ScoreHistogram implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int bins;
    /** Exact scores: score to {positives, negatives}. */
    private final HashMap<Double, double[]> cells = new HashMap<>();
    /** Bins: positives then negatives of bin b at {@code 2b} and {@code 2b + 1}; allocated on first use. */
    private double[] binned;

    /**
     * @param bins 0 to keep every distinct score, else the number of equal-width bins over [0, 1]
     */
    public ScoreHistogram(int bins) {
        if (bins < 0) {
            throw new IllegalArgumentException("bins must be >= 0, got " + bins);
        }
        this.bins = bins;
    }

    /**
     * @param score    the score (in [0, 1] with bins)
     * @param positive whether the true label is favorable
     * @param weight   the row's weight
     */
    public void add(double score, boolean positive, double weight) {
        if (bins > 0) {
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("score " + score + " is outside [0, 1]; a binned score histogram "
                        + "needs probabilities (use exact scores, bins = 0)");
            }
            if (binned == null) {
                binned = new double[2 * bins];
            }
            binned[2 * Math.min((int) (score * bins), bins - 1) + (positive ? 0 : 1)] += weight;
            return;
        }
        double key = score == 0.0 ? 0.0 : score; // -0.0 and 0.0 are one score
        double[] c = cells.computeIfAbsent(key, k -> new double[2]);
        c[positive ? 0 : 1] += weight;
    }

    /**
     * @param other a histogram of disjoint rows with the same bins
     * @return this histogram, now holding both
     */
    public ScoreHistogram merge(ScoreHistogram other) {
        if (other.bins != bins) {
            throw new IllegalArgumentException("cannot merge histograms of " + bins + " and " + other.bins + " bins");
        }
        if (other.binned != null) {
            if (binned == null) {
                binned = new double[2 * bins];
            }
            for (int i = 0; i < binned.length; i++) {
                binned[i] += other.binned[i];
            }
        }
        for (Map.Entry<Double, double[]> e : other.cells.entrySet()) {
            double[] c = cells.computeIfAbsent(e.getKey(), k -> new double[2]);
            c[0] += e.getValue()[0];
            c[1] += e.getValue()[1];
        }
        return this;
    }

    /** @return 0 for exact scores, else the number of bins */
    public int bins() {
        return bins;
    }

    /** @return the non-empty cells: score (or bin index) to {weighted positives, weighted negatives} */
    Map<Double, double[]> cells() {
        if (binned == null) {
            return cells;
        }
        Map<Double, double[]> m = new HashMap<>();
        for (int b = 0; b < bins; b++) {
            if (binned[2 * b] != 0 || binned[2 * b + 1] != 0) {
                m.put((double) b, new double[] {binned[2 * b], binned[2 * b + 1]});
            }
        }
        return m;
    }

    /**
     * @return {@code ½ Σ_b P_b N_b / (P N)}, the largest possible difference between this histogram's
     *         AUC and the exact AUC; 0 for exact scores; NaN without positives or negatives
     */
    public double aucErrorBound() {
        if (bins == 0) {
            return 0.0;
        }
        double p = 0;
        double n = 0;
        double same = 0;
        for (double[] c : cells().values()) {
            p += c[0];
            n += c[1];
            same += c[0] * c[1];
        }
        return p > 0 && n > 0 ? 0.5 * same / (p * n) : Double.NaN;
    }
}
