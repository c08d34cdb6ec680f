package dev.candor.fairness.performance;

import dev.candor.fairness.RocCurve;
import dev.candor.fairness.UndefinedReason;
import java.util.Arrays;

/**
 * The points of scikit-learn 1.2.1's {@code roc_curve}, read off the one ROC sweep
 * ({@link RocCurve}).
 *
 * <p>Without dropping, one point per distinct score (descending) after the origin. With
 * {@code dropIntermediate}, and more than two points, an interior point k is kept only when the second
 * difference of FP or of TP at k is non-zero in exact double arithmetic ({@code np.diff(x, 2) != 0}),
 * which removes collinear points; the first and last are always kept. The origin (0, 0) gets the
 * threshold {@code max score + 1}, as 1.2.1 does (later versions use +∞). The cumulative weights
 * are summed row by row in sklearn's order, so weighted curves keep the same points.
 *
 * @param fpr        false positive rates, from 0 to 1
 * @param tpr        true positive rates, from 0 to 1
 * @param thresholds the threshold of each point
 * @param undefined  null, or why there is no curve (no rows, no positives or no negatives: empty arrays)
 * @since 0.1.0
 */
public record RocPoints(double[] fpr, double[] tpr, double[] thresholds, UndefinedReason undefined) {

    public RocPoints {
        fpr = fpr.clone();
        tpr = tpr.clone();
        thresholds = thresholds.clone();
    }

    /**
     * @param s                the rows, with scores
     * @param dropIntermediate whether to drop collinear points
     * @return the points
     */
    public static RocPoints of(ClassificationSample s, boolean dropIntermediate) {
        RocCurve roc = s.roc();
        if (!roc.isDefined()) {
            return new RocPoints(new double[0], new double[0], new double[0], roc.undefinedReason());
        }
        double[] fpsAll = roc.falsePositiveWeights();
        double[] tpsAll = roc.truePositiveWeights();
        double[] scores = roc.distinctScores();
        int m = scores.length;
        double[] fps = Arrays.copyOfRange(fpsAll, 1, m + 1);
        double[] tps = Arrays.copyOfRange(tpsAll, 1, m + 1);
        int[] keep = new int[m];
        int kept = 0;
        for (int k = 0; k < m; k++) {
            boolean interior = k > 0 && k < m - 1;
            if (!dropIntermediate || m <= 2 || !interior
                    || (fps[k + 1] - fps[k]) - (fps[k] - fps[k - 1]) != 0
                    || (tps[k + 1] - tps[k]) - (tps[k] - tps[k - 1]) != 0) {
                keep[kept++] = k;
            }
        }
        double fpLast = fps[m - 1];
        double tpLast = tps[m - 1];
        double[] fpr = new double[kept + 1];
        double[] tpr = new double[kept + 1];
        double[] thr = new double[kept + 1];
        thr[0] = scores[0] + 1;
        for (int j = 0; j < kept; j++) {
            int k = keep[j];
            fpr[j + 1] = fps[k] / fpLast;
            tpr[j + 1] = tps[k] / tpLast;
            thr[j + 1] = scores[k];
        }
        return new RocPoints(fpr, tpr, thr, null);
    }
}
