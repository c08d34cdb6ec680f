package dev.candor.fairness.performance;

import dev.candor.core.BadInputException;
import dev.candor.fairness.RocCurve;
import java.util.Objects;

/**
 * Binary classification rows, checked once: true labels, predicted labels and/or scores, and
 * optional instance weights, plus the column names used in error messages.
 *
 * <p>Labels and predictions are 0 or 1 (1 = the positive, favorable class); scores are finite, the
 * higher the more likely positive (probabilities in [0, 1] for {@code log_loss}, {@code brier_score_loss}
 * and the calibration error); weights finite and {@code ≥ 0}. The weighted confusion counts are summed
 * once, row by row, when the sample is built. Immutable; arrays are copied.
 *
 * @since 0.1.0
 */
public final class ClassificationSample implements PerformanceSample<ClassificationSample> {

    private final int[] yTrue;
    private final int[] yPred;
    private final double[] scores;
    private final double[] weights;
    private final Columns columns;
    private final double tp;
    private final double fp;
    private final double tn;
    private final double fn;
    private final double totalWeight;
    private RocCurve roc;
    private RocCurve.Summary ranking;
    private ProbabilitySums probabilitySums;
    private volatile boolean probabilitiesChecked;

    /**
     * The names of the input columns, for error messages.
     *
     * @param label      the true-label column
     * @param prediction the predicted-label column
     * @param score      the score column
     * @param weight     the weight column
     */
    public record Columns(String label, String prediction, String score, String weight) {
        /** The names used when none are given. */
        public static final Columns DEFAULT = new Columns("y_true", "y_pred", "y_score", "sample_weight");
    }

    private ClassificationSample(int[] yTrue, int[] yPred, double[] scores, double[] weights, Columns columns,
                                 boolean check) {
        this.yTrue = yTrue;
        this.yPred = yPred;
        this.scores = scores;
        this.weights = weights;
        this.columns = columns;
        if (check) {
            check();
        }
        // one accumulator per cell 2y + ŷ, indexed rather than branched on (labels are unpredictable)
        double[] cell = new double[4];
        if (yPred != null) {
            if (weights == null) {
                for (int i = 0; i < yTrue.length; i++) {
                    cell[2 * yTrue[i] + yPred[i]] += 1.0;
                }
            } else {
                for (int i = 0; i < yTrue.length; i++) {
                    cell[2 * yTrue[i] + yPred[i]] += weights[i];
                }
            }
        }
        double a = cell[3];
        double b = cell[1];
        double c = cell[0];
        double d = cell[2];
        tp = a;
        fp = b;
        tn = c;
        fn = d;
        totalWeight = PerformanceSample.sum(weights, yTrue.length);
    }

    /**
     * @param yTrue   true labels, 0 or 1
     * @param yPred   predicted labels, 0 or 1, or null when only score metrics are wanted
     * @param scores  scores, or null when only label metrics are wanted
     * @param weights instance weights, or null for 1 each
     * @return the checked sample
     * @throws BadInputException on mismatched lengths or a bad value, naming the column and row
     */
    public static ClassificationSample of(int[] yTrue, int[] yPred, double[] scores, double[] weights) {
        return of(yTrue, yPred, scores, weights, Columns.DEFAULT);
    }

    /**
     * @param yTrue   true labels, 0 or 1
     * @param yPred   predicted labels, 0 or 1, or null
     * @param scores  scores, or null
     * @param weights instance weights, or null
     * @param columns the column names for error messages
     * @return the checked sample
     * @throws BadInputException on mismatched lengths or a bad value, naming the column and row
     */
    public static ClassificationSample of(int[] yTrue, int[] yPred, double[] scores, double[] weights,
                                          Columns columns) {
        Objects.requireNonNull(yTrue, "yTrue");
        Objects.requireNonNull(columns, "columns");
        if (yPred == null && scores == null) {
            throw new BadInputException("a classification sample needs predicted labels or scores (or both)");
        }
        return new ClassificationSample(yTrue.clone(), yPred == null ? null : yPred.clone(),
                scores == null ? null : scores.clone(), weights == null ? null : weights.clone(), columns, true);
    }

    private void check() {
        int n = yTrue.length;
        length(columns.prediction(), yPred == null ? n : yPred.length, n);
        length(columns.score(), scores == null ? n : scores.length, n);
        length(columns.weight(), weights == null ? n : weights.length, n);
        for (int i = 0; i < n; i++) {
            if ((yTrue[i] & ~1) != 0) {
                throw new BadInputException("column '" + columns.label() + "', row " + i + ": label " + yTrue[i]
                        + " is not 0 or 1");
            }
            if (yPred != null && (yPred[i] & ~1) != 0) {
                throw new BadInputException("column '" + columns.prediction() + "', row " + i + ": prediction "
                        + yPred[i] + " is not 0 or 1");
            }
            if (scores != null && !Double.isFinite(scores[i])) {
                throw new BadInputException("column '" + columns.score() + "', row " + i + ": score " + scores[i]
                        + " is not a finite number");
            }
            if (weights != null && !(weights[i] >= 0 && weights[i] < Double.POSITIVE_INFINITY)) {
                throw new BadInputException("column '" + columns.weight() + "', row " + i + ": weight " + weights[i]
                        + " is not finite and >= 0");
            }
        }
    }

    private void length(String column, int length, int n) {
        if (length != n) {
            throw new BadInputException("column '" + column + "' has " + length + " rows but column '"
                    + columns.label() + "' has " + n);
        }
    }

    @Override
    public ClassificationSample subset(int[] rows) {
        int m = rows.length;
        int[] y = new int[m];
        int[] p = yPred == null ? null : new int[m];
        double[] s = scores == null ? null : new double[m];
        double[] w = weights == null ? null : new double[m];
        for (int j = 0; j < m; j++) {
            int r = rows[j];
            y[j] = yTrue[r];
            if (p != null) {
                p[j] = yPred[r];
            }
            if (s != null) {
                s[j] = scores[r];
            }
            if (w != null) {
                w[j] = weights[r];
            }
        }
        return new ClassificationSample(y, p, s, w, columns, false);
    }

    @Override
    public int rows() {
        return yTrue.length;
    }

    @Override
    public boolean weighted() {
        return weights != null;
    }

    @Override
    public double totalWeight() {
        return totalWeight;
    }

    /** @return true when predicted labels are present (label metrics can be computed) */
    public boolean hasPredictions() {
        return yPred != null;
    }

    /** @return true when scores are present (score metrics can be computed) */
    public boolean hasScores() {
        return scores != null;
    }

    /** @return the column names */
    public Columns columns() {
        return columns;
    }

    /** @return Σw over rows with y = 1 and ŷ = 1 */
    public double tp() {
        return tp;
    }

    /** @return Σw over rows with y = 0 and ŷ = 1 */
    public double fp() {
        return fp;
    }

    /** @return Σw over rows with y = 0 and ŷ = 0 */
    public double tn() {
        return tn;
    }

    /** @return Σw over rows with y = 1 and ŷ = 0 */
    public double fn() {
        return fn;
    }

    /** @return a copy of the true labels */
    public int[] yTrue() {
        return yTrue.clone();
    }

    /** @return the weighted ROC curve of the scores ({@link RocCurve}), computed once */
    public synchronized RocCurve roc() {
        requireScores("roc_curve");
        if (roc == null) {
            roc = RocCurve.of(yTrue, scores, weights);
        }
        return roc;
    }

    /**
     * @return the ROC AUC and average precision of the scores ({@link RocCurve#summary}), from one sort
     *         per class and one sweep, computed once
     */
    synchronized RocCurve.Summary ranking() {
        requireScores("roc_auc");
        if (ranking == null) {
            ranking = RocCurve.summary(yTrue, scores, weights);
        }
        return ranking;
    }

    /**
     * The sums behind the log loss, the Brier score and the calibration bins, from one pass over the
     * rows in order (each sum in the order of its own loop before: the values are unchanged).
     *
     * @param logLoss  Σ −w [y ln p + (1 − y) ln(1 − p)], p clipped to [ε, 1 − ε]
     * @param brier    Σ w (y − s)²
     * @param total    Σ w
     * @param binW     the weight in each calibration bin
     * @param binY     Σ w y in each bin
     * @param binS     Σ w s in each bin
     */
    record ProbabilitySums(double logLoss, double brier, double total, double[] binW, double[] binY, double[] binS) {
    }

    /**
     * @param metric the metric asking, named in the error
     * @return the probability sums, computed once
     * @throws BadInputException at the first score outside [0, 1]
     */
    synchronized ProbabilitySums probabilitySums(String metric) {
        requireScores(metric);
        if (probabilitySums != null) {
            return probabilitySums;
        }
        int bins = CalibrationBins.BINS;
        double[] bw = new double[bins];
        double[] by = new double[bins];
        double[] bs = new double[bins];
        double loss = 0;
        double brier = 0;
        double total = 0;
        double eps = ClassificationMetric.EPSILON;
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            if (s < 0 || s > 1) {
                throw new BadInputException("column '" + columns.score() + "', row " + i + ": score " + s
                        + " is outside [0, 1]; " + metric + " needs probabilities");
            }
            double w = weights == null ? 1.0 : weights[i];
            int y = yTrue[i];
            double p = Math.min(Math.max(s, eps), 1 - eps);
            loss -= w * (y == 1 ? Math.log(p) : Math.log(1 - p));
            double d = y - s;
            brier += w * d * d;
            total += w;
            int b = CalibrationBins.bin(s);
            bw[b] += w;
            by[b] += w * y;
            bs[b] += w * s;
        }
        probabilitiesChecked = true;
        probabilitySums = new ProbabilitySums(loss, brier, total, bw, by, bs);
        return probabilitySums;
    }

    void requirePredictions(String metric) {
        if (yPred == null) {
            throw new BadInputException(metric + " needs predicted labels (column '" + columns.prediction()
                    + "'), and none were given");
        }
    }

    void requireScores(String metric) {
        if (scores == null) {
            throw new BadInputException(metric + " needs scores (column '" + columns.score()
                    + "'), and none were given");
        }
    }

    /** Refuses scores outside [0, 1], naming the column, row and metric; the scan runs once per sample. */
    void requireProbabilities(String metric) {
        requireScores(metric);
        if (probabilitiesChecked) {
            return;
        }
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] < 0 || scores[i] > 1) {
                throw new BadInputException("column '" + columns.score() + "', row " + i + ": score " + scores[i]
                        + " is outside [0, 1]; " + metric + " needs probabilities");
            }
        }
        probabilitiesChecked = true;
    }

    int label(int i) {
        return yTrue[i];
    }

    double score(int i) {
        return scores[i];
    }

    double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }

    double[] scoresView() {
        return scores;
    }

    double[] weightsView() {
        return weights;
    }
}
