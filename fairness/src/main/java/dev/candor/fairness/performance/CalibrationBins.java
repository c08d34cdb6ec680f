package dev.candor.fairness.performance;

import dev.candor.fairness.MetricValue;
import dev.candor.fairness.UndefinedReason;
import java.util.Arrays;

/**
 * The ten equal-width bins of the expected calibration error and their weighted means.
 *
 * <p><b>Bins</b>: [0, 0.1), [0.1, 0.2), …, [0.9, 1.0], left-closed, 1.0 in the last. The edges are
 * the doubles nearest to k/10 ({@code k / 10.0}), and a score s is in bin
 * {@code #{k ∈ 1..9 : s ≥ k/10}} — not {@code floor(10 s)}, which rounds 0.8999999999999999 up, and not
 * the {@code k * 0.1} edges of scikit-learn's {@code calibration_curve}, which move 0.3, 0.6 and 0.7 down.
 *
 * <p><b>Definition</b>: with W_b the weight in bin b, ȳ_b and s̄_b the weighted mean label and score
 * there, ECE = Σ_b (W_b / W) |ȳ_b − s̄_b| over the non-empty bins (Naeini, Cooper and Hauskrecht,
 * AAAI 2015). Undefined ({@code EMPTY_GROUP}) when W = 0. Scores must be probabilities.
 *
 * @param binIds    the non-empty bins, 0–9 ascending
 * @param weight    each bin's total weight (the row count without weights)
 * @param meanLabel each bin's weighted mean label
 * @param meanScore each bin's weighted mean score
 * @since 0.1.0
 */
public record CalibrationBins(int[] binIds, double[] weight, double[] meanLabel, double[] meanScore) {

    /** The number of bins. */
    public static final int BINS = 10;

    private static final double[] EDGES = {1 / 10.0, 2 / 10.0, 3 / 10.0, 4 / 10.0, 5 / 10.0, 6 / 10.0, 7 / 10.0,
        8 / 10.0, 9 / 10.0};

    public CalibrationBins {
        binIds = binIds.clone();
        weight = weight.clone();
        meanLabel = meanLabel.clone();
        meanScore = meanScore.clone();
    }

    /**
     * @param s the rows, with probability scores
     * @return the non-empty bins
     * @throws dev.candor.core.BadInputException if a score lies outside [0, 1], naming column and row
     */
    public static CalibrationBins of(ClassificationSample s) {
        ClassificationSample.ProbabilitySums sums = s.probabilitySums("expected_calibration_error");
        double[] w = sums.binW();
        double[] wy = sums.binY();
        double[] ws = sums.binS();
        int m = 0;
        int[] ids = new int[BINS];
        double[] ww = new double[BINS];
        double[] my = new double[BINS];
        double[] ms = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            if (w[b] > 0) {
                ids[m] = b;
                ww[m] = w[b];
                my[m] = wy[b] / w[b];
                ms[m] = ws[b] / w[b];
                m++;
            }
        }
        return new CalibrationBins(Arrays.copyOf(ids, m), Arrays.copyOf(ww, m), Arrays.copyOf(my, m),
                Arrays.copyOf(ms, m));
    }

    /**
     * @param score a score in [0, 1]
     * @return its bin, {@code #{k ∈ 1..9 : score ≥ k/10}}
     */
    public static int bin(double score) {
        // start from floor(10 s), then step to the count of edges at or below s (at most one step)
        int b = score >= 1 ? EDGES.length : score > 0 ? (int) (score * BINS) : 0;
        while (b < EDGES.length && score >= EDGES[b]) {
            b++;
        }
        while (b > 0 && score < EDGES[b - 1]) {
            b--;
        }
        return b;
    }

    /** @return Σ_b (W_b / W) |ȳ_b − s̄_b|, or undefined ({@code EMPTY_GROUP}) without weight */
    public MetricValue expectedCalibrationError() {
        double total = 0;
        for (double x : weight) {
            total += x;
        }
        if (total == 0) {
            return MetricValue.undefined(UndefinedReason.EMPTY_GROUP);
        }
        double ece = 0;
        for (int b = 0; b < binIds.length; b++) {
            ece += weight[b] / total * Math.abs(meanLabel[b] - meanScore[b]);
        }
        return MetricValue.of(ece);
    }
}
