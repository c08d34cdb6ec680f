package dev.candor.models;

import dev.candor.fairness.RocCurve;
import dev.candor.fairness.performance.ClassificationMetric;
import dev.candor.fairness.performance.ClassificationSample;
import java.util.Objects;

/**
 * Threshold and ranking quality of a binary classifier on labelled data (1 = favorable = positive).
 *
 * <ul>
 *   <li>accuracy \( = (TP + TN) / n \);</li>
 *   <li>balanced accuracy \( = \tfrac12 (TP / P + TN / N) \), as scikit-learn's
 *       {@code balanced_accuracy_score} for two classes;</li>
 *   <li>AUC, the trapezoidal area under the ROC curve of {@link RocCurve} (tied scores as one
 *       step, as scikit-learn's {@code roc_auc_score}), equal to the Mann–Whitney statistic
 *       \( (R_1 - P(P+1)/2) / (P N) \) with \(R_1\) the sum of the mid-ranks of the positives' scores.</li>
 * </ul>
 * All are unweighted. Balanced accuracy and AUC are NaN when the data has only one class.
 *
 * <p>Reference: J. A. Hanley and B. J. McNeil, "The meaning and use of the area under a receiver
 * operating characteristic (ROC) curve", Radiology 143(1), 29–36, 1982,
 * doi:10.1148/radiology.143.1.7063747.
 *
 * @param rows             the number of rows
 * @param threshold        the score at or above which a row is predicted positive
 * @param accuracy         the share of correct predictions
 * @param balancedAccuracy the mean of the true positive and true negative rates
 * @param auc              the area under the ROC curve of the scores
 * @since 0.1.0
 */
public record ClassifierScores(int rows, double threshold, double accuracy, double balancedAccuracy, double auc) {

    /**
     * @param labels    the true labels, 0 or 1
     * @param scores    the predicted probability of label 1, one per row (finite)
     * @param threshold rows with a score {@code >= threshold} are predicted 1
     * @return the scores
     * @throws IllegalArgumentException on mismatched lengths, no rows, a label other than 0/1 or a
     *                                  non-finite score (naming the row)
     */
    public static ClassifierScores of(int[] labels, double[] scores, double threshold) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(scores, "scores");
        int n = labels.length;
        if (scores.length != n) {
            throw new IllegalArgumentException("scores has " + scores.length + " rows but labels has " + n);
        }
        if (n == 0) {
            throw new IllegalArgumentException("labels: no rows");
        }
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("labels at row " + i + " is " + labels[i] + ", expected 0 or 1");
            }
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("scores at row " + i + " is " + scores[i]);
            }
            predicted[i] = scores[i] >= threshold ? 1 : 0;
        }
        // The one performance layer of candor-fairness (and its one ROC sweep); NaN when a class is absent.
        ClassificationSample sample = ClassificationSample.of(labels, predicted, scores, null);
        double accuracy = ClassificationMetric.ACCURACY.compute(sample).value();
        double balanced = ClassificationMetric.BALANCED_ACCURACY.compute(sample).value();
        double auc = ClassificationMetric.ROC_AUC.compute(sample).value();
        return new ClassifierScores(n, threshold, accuracy, balanced, auc);
    }
}
