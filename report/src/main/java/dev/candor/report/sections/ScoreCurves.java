package dev.candor.report.sections;

import dev.candor.fairness.RocCurve;
import java.util.Arrays;

/**
 * The score-based curves of the performance section, from true labels and scores: the ROC curve,
 * the score histogram and the calibration (reliability) curve.
 *
 * <ul>
 *   <li><b>ROC</b>: the points of {@link RocCurve} (FPR(t), TPR(t)) for every distinct score
 *       threshold t, from (0, 0) to (1, 1), with tied scores moving both rates at once (as
 *       scikit-learn's {@code roc_curve} with {@code drop_intermediate=False}). Long curves are
 *       thinned to at most {@code maxPoints} of those points, always keeping the first and last;
 *       thinning never changes the area by more than the largest step between kept points. Without positives or negatives the curve is undefined and
 *       empty arrays are returned.</li>
 *   <li><b>Histogram density</b>: counts per bin divided by (n · bin width), so the area is 1; the
 *       last bin is closed on the right. Without rows every density is NaN.</li>
 *   <li><b>Calibration</b>: scores cut into equal-width bins over [0, 1]; for each non-empty bin the
 *       mean score and the observed rate of label 1 (scikit-learn's {@code calibration_curve} with
 *       {@code strategy='uniform'}); empty bins are NaN.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class ScoreCurves {

    private ScoreCurves() {
    }

    /**
     * @param y         labels, 1 = favorable
     * @param scores    scores, higher = more favorable
     * @param maxPoints at most this many points (at least 2)
     * @return the ROC curve (x = false positive rate, y = true positive rate)
     * @throws IllegalArgumentException if lengths differ or a score is not finite
     */
    public static PerformanceSection.Curve roc(int[] y, double[] scores, int maxPoints) {
        check(y, scores);
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be >= 2, got " + maxPoints);
        }
        int[] labels = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = y[i] == 1 ? 1 : 0;
        }
        RocCurve curve = RocCurve.of(labels, scores, null);
        if (!curve.isDefined()) {
            return new PerformanceSection.Curve(new double[0], new double[0]);
        }
        double[] fx = curve.falsePositiveRates();
        double[] ty = curve.truePositiveRates();
        int k = fx.length;
        if (k <= maxPoints) {
            return new PerformanceSection.Curve(fx, ty);
        }
        double[] tx = new double[maxPoints];
        double[] tyy = new double[maxPoints];
        for (int j = 0; j < maxPoints; j++) {
            int src = (int) Math.round((double) j * (k - 1) / (maxPoints - 1));
            tx[j] = fx[src];
            tyy[j] = ty[src];
        }
        return new PerformanceSection.Curve(tx, tyy);
    }

    /**
     * @param scores scores
     * @param edges  ascending bin edges
     * @return the density of each bin
     */
    public static double[] density(double[] scores, double[] edges) {
        int bins = edges.length - 1;
        double[] d = new double[bins];
        if (scores.length == 0) {
            Arrays.fill(d, Double.NaN);
            return d;
        }
        for (double s : scores) {
            int b = bin(s, edges);
            if (b >= 0) {
                d[b]++;
            }
        }
        for (int b = 0; b < bins; b++) {
            d[b] /= scores.length * (edges[b + 1] - edges[b]);
        }
        return d;
    }

    /**
     * @param y      labels, 1 = favorable
     * @param scores scores in [0, 1]
     * @param bins   the number of equal-width bins
     * @return x = mean score per bin, y = observed rate of label 1 per bin (NaN for empty bins)
     */
    public static PerformanceSection.Curve calibration(int[] y, double[] scores, int bins) {
        return calibration(y, scores, bins, 1);
    }

    /**
     * The calibration curve without its tiny bins: a bin of one or two rows gives an observed rate
     * of 0 or 1 that says nothing about calibration, yet would be drawn like any other point.
     *
     * @param y       labels, 1 = favorable
     * @param scores  scores in [0, 1]
     * @param bins    the number of equal-width bins
     * @param minRows bins with fewer rows are left out (NaN), like empty ones
     * @return x = mean score per bin, y = observed rate of label 1 per bin (NaN for left-out bins),
     *         rows = the rows in each bin (also for the left-out ones, so the report can say why)
     */
    public static PerformanceSection.Curve calibration(int[] y, double[] scores, int bins, int minRows) {
        check(y, scores);
        double[] sum = new double[bins];
        double[] hits = new double[bins];
        long[] count = new long[bins];
        double[] edges = uniformEdges(bins);
        for (int i = 0; i < y.length; i++) {
            int b = bin(scores[i], edges);
            if (b >= 0) {
                sum[b] += scores[i];
                hits[b] += y[i] == 1 ? 1 : 0;
                count[b]++;
            }
        }
        double[] mx = new double[bins];
        double[] my = new double[bins];
        for (int b = 0; b < bins; b++) {
            boolean shown = count[b] > 0 && count[b] >= minRows;
            mx[b] = shown ? sum[b] / count[b] : Double.NaN;
            my[b] = shown ? hits[b] / count[b] : Double.NaN;
        }
        return new PerformanceSection.Curve(mx, my, count);
    }

    /** @return {@code bins + 1} equal-width edges over [0, 1] */
    public static double[] uniformEdges(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        double[] e = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            e[b] = (double) b / bins;
        }
        return e;
    }

    private static int bin(double s, double[] edges) {
        int bins = edges.length - 1;
        if (s < edges[0] || s > edges[bins]) {
            return -1;
        }
        int b = Arrays.binarySearch(edges, s);
        if (b < 0) {
            b = -b - 2;
        }
        return Math.min(b, bins - 1);
    }

    private static void check(int[] y, double[] scores) {
        if (y.length != scores.length) {
            throw new IllegalArgumentException("labels (" + y.length + ") and scores (" + scores.length
                    + ") differ in length");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("scores[" + i + "] is not finite: " + scores[i]);
            }
        }
    }
}
