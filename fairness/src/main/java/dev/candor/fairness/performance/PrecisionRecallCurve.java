package dev.candor.fairness.performance;

import dev.candor.fairness.RocCurve;

/**
 * scikit-learn 1.2.1's {@code precision_recall_curve}, from the same weighted sweep as
 * {@link RocCurve}: at every distinct score t, precision = TP(t) / (TP(t) + FP(t)) and recall =
 * TP(t) / P. The arrays run by increasing threshold; {@code precision} ends with 1 and {@code recall}
 * with 0, one entry more than {@code thresholds}. Every distinct score is kept (1.2.1 does not stop at
 * full recall). Without positives the recall is 1 at every threshold, as scikit-learn sets it; a
 * threshold whose TP + FP is 0 (only zero-weight rows so far) has precision 0.
 *
 * @param precision  precision per threshold, then 1
 * @param recall     recall per threshold, then 0
 * @param thresholds the distinct scores, increasing
 * @since 0.1.0
 */
public record PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds) {

    public PrecisionRecallCurve {
        precision = precision.clone();
        recall = recall.clone();
        thresholds = thresholds.clone();
    }

    /**
     * @param s the rows, with scores
     * @return the curve
     */
    public static PrecisionRecallCurve of(ClassificationSample s) {
        RocCurve roc = s.roc();
        double[] tps = roc.truePositiveWeights();
        double[] fps = roc.falsePositiveWeights();
        double[] scores = roc.distinctScores();
        int m = scores.length;
        double p = tps[m];
        double[] precision = new double[m + 1];
        double[] recall = new double[m + 1];
        double[] thresholds = new double[m];
        for (int k = 1; k <= m; k++) {
            int j = m - k;
            double predicted = tps[k] + fps[k];
            precision[j] = predicted == 0 ? 0 : tps[k] / predicted;
            recall[j] = p == 0 ? 1 : tps[k] / p;
            thresholds[j] = scores[k - 1];
        }
        precision[m] = 1;
        recall[m] = 0;
        return new PrecisionRecallCurve(precision, recall, thresholds);
    }
}
