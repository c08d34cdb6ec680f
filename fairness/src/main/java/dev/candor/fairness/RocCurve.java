package dev.candor.fairness;

import dev.candor.core.RadixSort;
import java.util.Arrays;
import java.util.Objects;

/**
 * The weighted ROC curve of scores against binary labels, from one sort and one sweep; the one
 * place Candor computes ROC points and ROC AUC (the audit's {@code roc_auc}, the report's curves and
 * the model comparison all read it).
 *
 * <p><b>Definition</b> (scikit-learn's {@code roc_curve(drop_intermediate=False)} and
 * {@code roc_auc_score}): rows are sorted by score, descending; every distinct score t is one
 * threshold, and all rows tied at t enter together, so a block of ties moves both rates in one step.
 * With weights w (1 without weights), {@code FP(t) = Σ w [y = 0, s ≥ t]}, {@code TP(t) = Σ w [y = 1, s ≥ t]},
 * {@code P = TP(−∞)}, {@code N = FP(−∞)}; the points are (0, 0) then {@code (FP(t)/N, TP(t)/P)} for
 * t from the largest score to the smallest, ending at (1, 1). The AUC is the trapezoidal area
 * {@code Σ (FPᵢ − FPᵢ₋₁)(TPᵢ + TPᵢ₋₁) / (2 P N)}, which equals the weighted Mann–Whitney statistic
 * with ties counted one half. Without weights every partial sum is an integer, so the AUC is exact
 * up to the final division.
 *
 * <p><b>Edge cases</b>: with no rows the curve is undefined with {@link UndefinedReason#EMPTY_GROUP};
 * without positives {@link UndefinedReason#NO_POSITIVES}, without negatives
 * {@link UndefinedReason#NO_NEGATIVES}: {@link #auc()} is NaN with that reason and the rate arrays
 * are empty. Rows of zero weight add a threshold but do not move the curve. Scores must be finite,
 * labels 0 or 1, weights finite and {@code ≥ 0}; anything else is rejected with the row index.
 *
 * <p><b>Algorithm</b>: {@link #of} and {@link #summary} split the scores by label and radix-sort
 * each class once (carrying the weights), then sweep both sorted arrays from the top, so every read
 * is sequential; {@link #summary} accumulates the AUC and the average precision in that sweep without
 * keeping the curve. {@link #byGroup} sorts row indices once and sweeps all groups and the whole
 * population at once. Immutable.
 *
 * <p>Reference: Fawcett, "An introduction to ROC analysis", Pattern Recognition Letters 27(8) 2006,
 * doi:10.1016/j.patrec.2005.10.010 (Algorithm 2, ties as one step); Hanley and McNeil, Radiology
 * 143(1) 1982, doi:10.1148/radiology.143.1.7063747.
 *
 * @since 0.1.0
 */
public final class RocCurve {

    private final double[] thresholds;
    private final double[] falsePositives;
    private final double[] truePositives;
    private final int size;

    private RocCurve(double[] thresholds, double[] falsePositives, double[] truePositives, int size) {
        this.thresholds = thresholds;
        this.falsePositives = falsePositives;
        this.truePositives = truePositives;
        this.size = size;
    }

    /**
     * @param yTrue   labels, 0 or 1 (1 = positive = favorable)
     * @param scores  scores, higher meaning more likely positive; finite
     * @param weights instance weights (finite, {@code ≥ 0}) or null for 1 each
     * @return the curve
     * @throws IllegalArgumentException on mismatched lengths, a label other than 0/1, a non-finite
     *                                  score or a bad weight, naming the row
     */
    public static RocCurve of(int[] yTrue, double[] scores, double[] weights) {
        check(yTrue, scores, weights);
        Builder b = new Builder();
        sweepByClass(yTrue, scores, weights, b);
        return b.build();
    }

    /**
     * The ROC AUC and the average precision of the curve {@link #of} would give, to the last bit, from
     * one sort per class and one sweep, without keeping the curve.
     *
     * @param yTrue   labels, 0 or 1
     * @param scores  scores; finite
     * @param weights instance weights or null
     * @return the summary
     * @throws IllegalArgumentException on bad input, as {@link #of}
     */
    public static Summary summary(int[] yTrue, double[] scores, double[] weights) {
        check(yTrue, scores, weights);
        return sweepByClass(yTrue, scores, weights, new Summary.Accumulator()).summary();
    }

    /**
     * The area under the ROC curve and scikit-learn's average precision,
     * {@code AP = Σ_k (TP_k/P − TP_{k−1}/P) · TP_k / (TP_k + FP_k)} over the thresholds in decreasing
     * order (NaN without positives).
     *
     * @param auc              the trapezoidal area, or undefined with the reason (as {@link #auc()})
     * @param averagePrecision the average precision, NaN when P = 0
     * @param positives        P, the total weight of positives
     * @param negatives        N, the total weight of negatives
     */
    public record Summary(MetricValue auc, double averagePrecision, double positives, double negatives) {

        /** Accumulates both areas point by point; P is known before the sweep. */
        private static final class Accumulator implements Steps {
            private double positives;
            private int points;
            private double prevFp;
            private double prevTp;
            private double area;
            private double ap;

            @Override
            public void total(double p) {
                positives = p;
            }

            @Override
            public void step(double threshold, double fp, double tp) {
                points++;
                area += (fp - prevFp) * (tp + prevTp);
                double predicted = tp + fp;
                double precision = predicted == 0 ? 0 : tp / predicted;
                ap += (tp / positives - prevTp / positives) * precision;
                prevFp = fp;
                prevTp = tp;
            }

            Summary summary() {
                double p = prevTp;
                double n = prevFp;
                UndefinedReason reason = points == 0 || p + n == 0 ? UndefinedReason.EMPTY_GROUP
                        : p == 0 ? UndefinedReason.NO_POSITIVES : n == 0 ? UndefinedReason.NO_NEGATIVES : null;
                MetricValue auc = reason != null ? MetricValue.undefined(reason) : MetricValue.of(area / 2 / (p * n));
                return new Summary(auc, p == 0 ? Double.NaN : ap, p, n);
            }
        }
    }

    /** Receives the points of a sweep, after the total weight of positives. */
    private interface Steps {
        void total(double positives);

        void step(double threshold, double cumulativeNegatives, double cumulativePositives);
    }

    /**
     * The sweep of {@link #of} on checked input: positives and negatives are copied apart in row order
     * and each radix-sorted once, stably, with its weights; both are then read from the top. Within a
     * class, rows tied on a score are summed later row first, and the running sums of each class are
     * independent of the other's, so every partial sum equals the one of {@link #sweep}'s row-by-row
     * order (scikit-learn's), bit for bit.
     */
    private static <S extends Steps> S sweepByClass(int[] yTrue, double[] scores, double[] weights, S out) {
        int n = yTrue.length;
        int np = 0;
        for (int y : yTrue) {
            np += y;
        }
        double[] ps = new double[np];
        double[] ns = new double[n - np];
        double[] pw = weights == null ? null : new double[np];
        double[] nw = weights == null ? null : new double[n - np];
        int a = 0;
        int b = 0;
        for (int r = 0; r < n; r++) {
            double v = scores[r] == 0 ? 0.0 : scores[r];
            if (yTrue[r] == 1) {
                if (pw != null) {
                    pw[a] = weights[r];
                }
                ps[a++] = v;
            } else {
                if (nw != null) {
                    nw[b] = weights[r];
                }
                ns[b++] = v;
            }
        }
        double total;
        if (weights == null) {
            RadixSort.sort(ps);
            RadixSort.sort(ns);
            total = np;
        } else {
            RadixSort.sort(ps, pw);
            RadixSort.sort(ns, nw);
            total = 0;
            for (int i = np - 1; i >= 0; i--) {
                total += pw[i];
            }
        }
        out.total(total);
        int i = np - 1;
        int j = n - np - 1;
        double cumPos = 0;
        double cumNeg = 0;
        while (i >= 0 || j >= 0) {
            double t = i < 0 ? ns[j] : j < 0 ? ps[i] : Math.max(ps[i], ns[j]);
            if (pw == null) {
                while (i >= 0 && ps[i] == t) {
                    cumPos += 1.0;
                    i--;
                }
                while (j >= 0 && ns[j] == t) {
                    cumNeg += 1.0;
                    j--;
                }
            } else {
                while (i >= 0 && ps[i] == t) {
                    cumPos += pw[i--];
                }
                while (j >= 0 && ns[j] == t) {
                    cumNeg += nw[j--];
                }
            }
            out.step(t, cumNeg, cumPos);
        }
        return out;
    }

    /**
     * The curves of every group and of all rows, from one sort and one sweep.
     *
     * @param yTrue   labels, 0 or 1
     * @param scores  scores; finite
     * @param weights instance weights or null
     * @param groups  each row's group code in {@code [0, k)}
     * @param k       the number of groups
     * @return {@code k + 1} curves: group 0 .. k−1, then all rows
     * @throws IllegalArgumentException on bad input (as {@link #of}) or a group code out of range
     */
    public static RocCurve[] byGroup(int[] yTrue, double[] scores, double[] weights, int[] groups, int k) {
        int n = check(yTrue, scores, weights);
        Objects.requireNonNull(groups, "groups");
        if (groups.length != n) {
            throw new IllegalArgumentException("groups has length " + groups.length + " but yTrue has length " + n);
        }
        for (int i = 0; i < n; i++) {
            if (groups[i] < 0 || groups[i] >= k) {
                throw new IllegalArgumentException("groups: row " + i + " has group code " + groups[i]
                        + "; codes must be in [0, " + k + ")");
            }
        }
        return sweep(yTrue, scores, weights, groups, k);
    }

    private static int check(int[] yTrue, double[] scores, double[] weights) {
        Objects.requireNonNull(yTrue, "yTrue");
        Objects.requireNonNull(scores, "scores");
        int n = yTrue.length;
        if (scores.length != n) {
            throw new IllegalArgumentException("scores has length " + scores.length + " but yTrue has length " + n);
        }
        if (weights != null && weights.length != n) {
            throw new IllegalArgumentException("weights has length " + weights.length + " but yTrue has length " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("scores: row " + i + " has score " + scores[i]
                        + "; scores must be finite");
            }
            if ((yTrue[i] & ~1) != 0) {
                throw new IllegalArgumentException("yTrue: row " + i + " has label " + yTrue[i]
                        + "; labels must be 0 or 1");
            }
            if (weights != null && !(weights[i] >= 0.0 && weights[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("weights: row " + i + " has weight " + weights[i]
                        + "; weights must be finite and >= 0");
            }
        }
        return n;
    }

    /**
     * The sweep, on input already checked: {@code k + 1} curves (the groups, then all rows); with
     * {@code groups == null} (and k = 0) only the curve of all rows.
     * Rows are visited by descending score; at the end of each block of tied scores every group
     * touched by the block, and the whole, gets one new point.
     */
    static RocCurve[] sweep(int[] yTrue, double[] scores, double[] weights, int[] groups, int k) {
        int n = yTrue.length;
        Builder[] b = new Builder[k + 1];
        for (int g = 0; g <= k; g++) {
            b[g] = new Builder();
        }
        int[] order = IndexSort.byValue(scores);
        // Running sums row by row in sklearn's order (descending score, later row first among ties),
        // not block sums: weighted curves then match scikit-learn's cumsum to the last bit, which
        // decides which points its exact drop_intermediate test keeps.
        double[] cumPos = new double[k];
        double[] cumNeg = new double[k];
        double allPos = 0;
        double allNeg = 0;
        int[] touched = new int[k];
        boolean[] isTouched = new boolean[k];
        int i = n - 1;
        while (i >= 0) {
            double s = scores[order[i]];
            int nt = 0;
            while (i >= 0 && scores[order[i]] == s) {
                int r = order[i];
                double w = weights == null ? 1.0 : weights[r];
                boolean positive = yTrue[r] == 1;
                if (positive) {
                    allPos += w;
                } else {
                    allNeg += w;
                }
                i--;
                if (groups == null) {
                    continue;
                }
                int g = groups[r];
                if (!isTouched[g]) {
                    isTouched[g] = true;
                    touched[nt++] = g;
                }
                if (positive) {
                    cumPos[g] += w;
                } else {
                    cumNeg[g] += w;
                }
            }
            for (int t = 0; t < nt; t++) {
                int g = touched[t];
                b[g].step(s, cumNeg[g], cumPos[g]);
                isTouched[g] = false;
            }
            b[k].step(s, allNeg, allPos);
        }
        RocCurve[] out = new RocCurve[k + 1];
        for (int g = 0; g <= k; g++) {
            out[g] = b[g].build();
        }
        return out;
    }

    /** Grows the cumulative counts of one curve, starting at the origin. */
    private static final class Builder implements Steps {
        double[] thr = new double[8];
        double[] fp = new double[8];
        double[] tp = new double[8];
        int size = 1;

        Builder() {
            thr[0] = Double.POSITIVE_INFINITY;
        }

        @Override
        public void total(double positives) {
        }

        @Override
        public void step(double threshold, double cumulativeNegatives, double cumulativePositives) {
            if (size == thr.length) {
                int cap = size * 2;
                thr = Arrays.copyOf(thr, cap);
                fp = Arrays.copyOf(fp, cap);
                tp = Arrays.copyOf(tp, cap);
            }
            thr[size] = threshold;
            fp[size] = cumulativeNegatives;
            tp[size] = cumulativePositives;
            size++;
        }

        RocCurve build() {
            return new RocCurve(Arrays.copyOf(thr, size), Arrays.copyOf(fp, size), Arrays.copyOf(tp, size), size);
        }
    }

    /** @return the total weight of positives, P */
    public double positives() {
        return truePositives[size - 1];
    }

    /** @return the total weight of negatives, N */
    public double negatives() {
        return falsePositives[size - 1];
    }

    /** @return null when the curve is defined, else why not (no rows, no positives or no negatives) */
    public UndefinedReason undefinedReason() {
        if (size == 1) {
            return UndefinedReason.EMPTY_GROUP;
        }
        if (positives() == 0) {
            return positives() + negatives() == 0 ? UndefinedReason.EMPTY_GROUP : UndefinedReason.NO_POSITIVES;
        }
        return negatives() == 0 ? UndefinedReason.NO_NEGATIVES : null;
    }

    /** @return true when both classes have positive weight */
    public boolean isDefined() {
        return undefinedReason() == null;
    }

    /**
     * @return the thresholds, one per point: {@code +∞} for the origin, then the distinct scores in
     *         descending order (empty when the curve is undefined)
     */
    public double[] thresholds() {
        return isDefined() ? thresholds.clone() : new double[0];
    }

    /** @return {@code FP(t) / N} at every threshold, from 0 to 1 (empty when undefined) */
    public double[] falsePositiveRates() {
        return isDefined() ? divide(falsePositives, negatives()) : new double[0];
    }

    /** @return {@code TP(t) / P} at every threshold, from 0 to 1 (empty when undefined) */
    public double[] truePositiveRates() {
        return isDefined() ? divide(truePositives, positives()) : new double[0];
    }

    /**
     * @return {@code FP(t)}, the cumulative weight of negatives scored at or above each threshold, 0 at
     *         the origin, summed row by row in scikit-learn's order; given even when the curve is
     *         undefined (a precision–recall curve needs no negatives)
     */
    public double[] falsePositiveWeights() {
        return Arrays.copyOf(falsePositives, size);
    }

    /** @return {@code TP(t)}, as {@link #falsePositiveWeights()} for positives */
    public double[] truePositiveWeights() {
        return Arrays.copyOf(truePositives, size);
    }

    /** @return the distinct scores in descending order (one per point after the origin), even when undefined */
    public double[] distinctScores() {
        return Arrays.copyOfRange(thresholds, 1, size);
    }

    /** @return the trapezoidal area under the curve, or NaN with the reason the curve is undefined */
    public MetricValue auc() {
        UndefinedReason reason = undefinedReason();
        if (reason != null) {
            return MetricValue.undefined(reason);
        }
        double area = 0;
        for (int i = 1; i < size; i++) {
            area += (falsePositives[i] - falsePositives[i - 1]) * (truePositives[i] + truePositives[i - 1]);
        }
        return MetricValue.of(area / 2 / (positives() * negatives()));
    }

    private double[] divide(double[] cumulative, double total) {
        double[] r = new double[size];
        for (int i = 0; i < size; i++) {
            r[i] = cumulative[i] / total;
        }
        return r;
    }
}
