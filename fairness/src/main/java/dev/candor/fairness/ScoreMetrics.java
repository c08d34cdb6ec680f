package dev.candor.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * ROC AUC and log loss of scores, overall and per group, in one sort and one sweep.
 *
 * <p><b>ROC AUC</b> is the trapezoidal area under the weighted ROC curve of {@link RocCurve}
 * (scikit-learn's {@code roc_auc_score}, tied scores as one step), which equals the weighted
 * Mann–Whitney statistic
 * {@code Σᵢ Σⱼ wᵢ wⱼ ([sᵢ > sⱼ] + ½[sᵢ = sⱼ]) / (Σᵢ wᵢ · Σⱼ wⱼ)} over positives i and negatives j. Every
 * group and the whole come from one sort and one sweep ({@link RocCurve#byGroup}). Undefined
 * ({@link UndefinedReason#NO_POSITIVES} / {@link UndefinedReason#NO_NEGATIVES}) when a group has only
 * one class.
 *
 * <p><b>Log loss</b> is {@code −Σ wᵢ [yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)] / Σ wᵢ} with {@code pᵢ} clipped to
 * {@code [ε, 1 − ε]}, ε = 2⁻⁵² (scikit-learn's {@code log_loss} default for float64). Undefined
 * ({@link UndefinedReason#SCORES_NOT_PROBABILITIES}) when a score lies outside [0, 1].
 *
 * <p>Scores must be finite: NaN or infinite scores are rejected with the row index. Reference:
 * Hanley and McNeil, Radiology 143(1) 1982, doi:10.1148/radiology.143.1.7063747.
 *
 * @since 0.1.0
 */
public final class ScoreMetrics {

    /** The clipping bound of the log loss, the float64 machine epsilon. */
    public static final double EPSILON = Math.ulp(1.0);

    private ScoreMetrics() {
    }

    /**
     * @param yTrue     true labels, 0/1 (1 = favorable)
     * @param scores    scores, higher meaning more likely favorable; finite
     * @param weights   instance weights (finite, >= 0) or null
     * @param attribute the groups
     * @return AUC and log loss overall and per group
     * @throws IllegalArgumentException on bad input, naming the argument, row and value
     */
    public static GroupScores compute(int[] yTrue, double[] scores, double[] weights, GroupAttribute attribute) {
        Objects.requireNonNull(yTrue, "yTrue");
        Objects.requireNonNull(scores, "scores");
        int n = yTrue.length;
        if (scores.length != n) {
            throw new IllegalArgumentException("scores has length " + scores.length + " but yTrue has length " + n);
        }
        if (weights != null && weights.length != n) {
            throw new IllegalArgumentException("weights has length " + weights.length + " but yTrue has length " + n);
        }
        int[] g = attribute.codes();
        if (g.length != n) {
            throw new IllegalArgumentException("groups of '" + attribute.name() + "' has length " + g.length
                    + " but yTrue has length " + n);
        }
        int k = attribute.size();
        boolean probabilities = true;
        double[] pos = new double[k];
        double[] neg = new double[k];
        double[] loss = new double[k];
        for (int i = 0; i < n; i++) {
            double s = scores[i];
            if (Double.isNaN(s) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("scores: row " + i + " has score " + s + "; scores must be finite");
            }
            if ((yTrue[i] & ~1) != 0) {
                throw new IllegalArgumentException("yTrue: row " + i + " has label " + yTrue[i] + "; labels must be 0 or 1");
            }
            if (g[i] < 0 || g[i] >= k) {
                throw new IllegalArgumentException("groups of '" + attribute.name() + "': row " + i
                        + " has group code " + g[i] + "; codes must be in [0, " + k + ")");
            }
            double w = weight(weights, i);
            if (s < 0 || s > 1) {
                probabilities = false;
            }
            double p = Math.min(Math.max(s, EPSILON), 1 - EPSILON);
            if (yTrue[i] == 1) {
                pos[g[i]] += w;
                loss[g[i]] -= w * Math.log(p);
            } else {
                neg[g[i]] += w;
                loss[g[i]] -= w * Math.log1p(-p);
            }
        }
        return fromSums(yTrue, scores, weights, attribute, pos, neg, loss, probabilities);
    }

    /**
     * The same figures when the per-group sums were accumulated elsewhere, row by row (a streaming
     * pass), and the ROC curves are swept over a compressed sample: one row per distinct
     * (score, label, group) with the summed weight of its rows. A tied block of rows and its
     * compressed row add the same weight at the same score, so the area is the same (to the last
     * bit when the weights are whole numbers, as without instance weights).
     *
     * @param yTrue         labels of the (compressed) rows, 0/1
     * @param scores        their scores
     * @param weights       their weights, or null
     * @param attribute     their groups
     * @param pos           per group, the weight of rows with label 1
     * @param neg           per group, the weight of rows with label 0
     * @param loss          per group, {@code −Σ w ln p} over its rows (p clipped as in {@link #compute})
     * @param probabilities whether every score lay in [0, 1]
     * @return AUC and log loss overall and per group
     */
    public static GroupScores fromSums(int[] yTrue, double[] scores, double[] weights, GroupAttribute attribute,
                                       double[] pos, double[] neg, double[] loss, boolean probabilities) {
        int k = attribute.size();
        int[] g = attribute.codes();
        RocCurve[] roc = RocCurve.sweep(yTrue, scores, weights, g, k);
        List<MetricValue> auc = new ArrayList<>(k);
        List<MetricValue> ll = new ArrayList<>(k);
        double posAll = 0;
        double negAll = 0;
        double lossAll = 0;
        for (int gr = 0; gr < k; gr++) {
            auc.add(roc[gr].auc());
            ll.add(logLoss(loss[gr], pos[gr] + neg[gr], probabilities));
            posAll += pos[gr];
            negAll += neg[gr];
            lossAll += loss[gr];
        }
        return new GroupScores(attribute.name(), attribute.values(), auc, ll, roc[k].auc(),
                logLoss(lossAll, posAll + negAll, probabilities));
    }

    private static double weight(double[] weights, int i) {
        if (weights == null) {
            return 1.0;
        }
        double w = weights[i];
        if (!(w >= 0.0) || w == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("weights: row " + i + " has weight " + w + "; weights must be finite and >= 0");
        }
        return w;
    }

    private static MetricValue logLoss(double loss, double total, boolean probabilities) {
        if (total == 0) {
            return MetricValue.undefined(UndefinedReason.EMPTY_GROUP);
        }
        if (!probabilities) {
            return MetricValue.undefined(UndefinedReason.SCORES_NOT_PROBABILITIES);
        }
        return MetricValue.of(loss / total);
    }
}
