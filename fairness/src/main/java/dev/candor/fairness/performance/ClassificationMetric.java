package dev.candor.fairness.performance;

import dev.candor.fairness.MetricValue;
import dev.candor.fairness.RocCurve;
import dev.candor.fairness.UndefinedReason;
import java.util.Arrays;
import java.util.List;

/**
 * The binary classification metrics, one constant each, equal to scikit-learn 1.2.1 on the same
 * input (weighted with {@code sample_weight}; positive class 1). The key is scikit-learn's function
 * name without {@code _score}; this table is the only place the names are written.
 *
 * <p>Notation: tp, fp, tn, fn are weighted confusion counts, P = tp + fn, N = fp + tn, W = P + N.
 * Label metrics read the predicted labels; score metrics ({@link #ROC_AUC} onwards) the scores.
 *
 * <p><b>Edge cases.</b> An empty group (W = 0) is undefined ({@code EMPTY_GROUP}) everywhere. The other
 * undefined cases are named per constant; {@link ZeroDivision} gives scikit-learn's substitute instead.
 * Score metrics that need probabilities refuse a score outside [0, 1] with the column and row.
 *
 * <p>References: scikit-learn 1.2.1 {@code sklearn.metrics} (Pedregosa et al., JMLR 12 2011);
 * Matthews, Biochim. Biophys. Acta 405(2) 1975, doi:10.1016/0005-2795(75)90109-9; Cohen, Educ. Psychol.
 * Meas. 20(1) 1960, doi:10.1177/001316446002000104; Brier, Mon. Weather Rev. 78(1) 1950,
 * doi:10.1175/1520-0493(1950)078&lt;0001:VOFEIT&gt;2.0.CO;2; Naeini et al., AAAI 2015 (ECE).
 *
 * @since 0.1.0
 */
public enum ClassificationMetric implements PerformanceMetric<ClassificationSample> {

    /** {@code accuracy_score}: (tp + tn) / W. */
    ACCURACY("accuracy", "Accuracy", "(tp + tn) / W", true) {
        @Override
        MetricValue label(double tp, double fp, double tn, double fn, ZeroDivision z) {
            return MetricValue.of((tp + tn) / (tp + fp + tn + fn));
        }
    },
    /**
     * {@code balanced_accuracy_score} (adjusted=False): (tp/P + tn/N) / 2. Undefined with one class in
     * y ({@code NO_POSITIVES} / {@code NO_NEGATIVES}); sklearn then averages the recall of the class
     * present.
     */
    BALANCED_ACCURACY("balanced_accuracy", "Balanced accuracy", "(tp / P + tn / N) / 2", true) {
        @Override
        MetricValue label(double tp, double fp, double tn, double fn, ZeroDivision z) {
            double p = tp + fn;
            double n = fp + tn;
            if (p > 0 && n > 0) {
                return MetricValue.of((tp / p + tn / n) / 2);
            }
            if (z == ZeroDivision.UNDEFINED) {
                return MetricValue.undefined(p == 0 ? UndefinedReason.NO_POSITIVES : UndefinedReason.NO_NEGATIVES);
            }
            return MetricValue.of(p == 0 ? tn / n : tp / p);
        }
    },
    /** {@code precision_score}: tp / (tp + fp); undefined without predicted positives. */
    PRECISION("precision", "Precision", "tp / (tp + fp)", true) {
        @Override
        MetricValue label(double tp, double fp, double tn, double fn, ZeroDivision z) {
            return divide(tp, tp + fp, UndefinedReason.NO_PREDICTED_POSITIVES, z);
        }
    },
    /** {@code recall_score}: tp / P; undefined without positives. */
    RECALL("recall", "Recall", "tp / (tp + fn)", true) {
        @Override
        MetricValue label(double tp, double fp, double tn, double fn, ZeroDivision z) {
            return divide(tp, tp + fn, UndefinedReason.NO_POSITIVES, z);
        }
    },
    /** Specificity, fairlearn's {@code true_negative_rate}: tn / N; undefined without negatives. */
    SPECIFICITY("specificity", "Specificity", "tn / (tn + fp)", true) {
        @Override
        MetricValue label(double tp, double fp, double tn, double fn, ZeroDivision z) {
            return divide(tn, tn + fp, UndefinedReason.NO_NEGATIVES, z);
        }
    },
    /** {@code f1_score}: F-beta with β = 1 (see {@link #fbeta}). */
    F1("f1", "F1", "2 prec rec / (prec + rec)", true) {
        @Override
        MetricValue label(double tp, double fp, double tn, double fn, ZeroDivision z) {
            return fbeta(tp, fp, fn, 1.0, z);
        }
    },
    /** {@code fbeta_score(beta=2)}: F-beta with β = 2 (see {@link #fbeta}). */
    FBETA_2("fbeta_beta_2", "F2", "5 prec rec / (4 prec + rec)", true) {
        @Override
        MetricValue label(double tp, double fp, double tn, double fn, ZeroDivision z) {
            return fbeta(tp, fp, fn, 2.0, z);
        }
    },
    /**
     * {@code matthews_corrcoef}, sklearn's form: with t = (N, P), p = (tn + fn, tp + fp), c = tp + tn,
     * MCC = (cW − t·p) / √((W² − t·t)(W² − p·p)). Undefined when that product is 0 (one class in y or
     * in ŷ); sklearn returns 0 there.
     */
    MATTHEWS_CORRCOEF("matthews_corrcoef", "Matthews correlation",
            "(tp tn - fp fn) / sqrt((tp+fp)(tp+fn)(tn+fp)(tn+fn))", true) {
        @Override
        MetricValue label(double tp, double fp, double tn, double fn, ZeroDivision z) {
            double n = tp + fp + tn + fn;
            double t0 = tn + fp;
            double t1 = fn + tp;
            double p0 = tn + fn;
            double p1 = fp + tp;
            double covYtYp = (tp + tn) * n - (t0 * p0 + t1 * p1);
            double covYpYp = n * n - (p0 * p0 + p1 * p1);
            double covYtYt = n * n - (t0 * t0 + t1 * t1);
            if (covYtYt * covYpYp == 0) {
                if (z != ZeroDivision.UNDEFINED) {
                    return MetricValue.of(0.0);
                }
                UndefinedReason r = t1 == 0 ? UndefinedReason.NO_POSITIVES
                        : t0 == 0 ? UndefinedReason.NO_NEGATIVES
                        : p1 == 0 ? UndefinedReason.NO_PREDICTED_POSITIVES : UndefinedReason.NO_PREDICTED_NEGATIVES;
                return MetricValue.undefined(r);
            }
            return MetricValue.of(covYtYp / Math.sqrt(covYtYt * covYpYp));
        }
    },
    /**
     * {@code cohen_kappa_score} (unweighted): κ = 1 − (fp + fn) / E, E = ((tn + fn)P + (tp + fp)N) / W,
     * the off-diagonal mass expected by chance. Undefined ({@code SINGLE_CLASS}) when y and ŷ hold one
     * and the same class; sklearn returns NaN there too.
     */
    COHEN_KAPPA("cohen_kappa", "Cohen's kappa", "1 - (fp + fn) / (((tn+fn) P + (tp+fp) N) / W)", true) {
        @Override
        MetricValue label(double tp, double fp, double tn, double fn, ZeroDivision z) {
            double n = tp + fp + tn + fn;
            double expected = ((tn + fn) * (tp + fn) + (tp + fp) * (tn + fp)) / n;
            if (expected == 0) {
                return MetricValue.undefined(UndefinedReason.SINGLE_CLASS);
            }
            return MetricValue.of(1 - (fp + fn) / expected);
        }
    },
    /**
     * {@code roc_auc_score}: the trapezoidal area under {@link RocCurve} (ties as one step), the
     * weighted Mann–Whitney statistic with ties ½. Undefined with one class in y (sklearn raises).
     */
    ROC_AUC("roc_auc", "ROC AUC", "sum_ij w_i w_j ([s_i > s_j] + [s_i = s_j]/2) / (P N)", true) {
        @Override
        MetricValue scores(ClassificationSample s, ZeroDivision z) {
            return s.ranking().auc();
        }
    },
    /**
     * {@code average_precision_score}: the step sum AP = Σ_k (R_k − R_{k−1}) P_k over the distinct
     * thresholds in decreasing order, R_0 = 0 (not a trapezoid; tied scores form one step). Undefined
     * without positives; sklearn returns −0.0 there.
     */
    AVERAGE_PRECISION("average_precision", "Average precision", "sum_k (R_k - R_{k-1}) P_k", true) {
        @Override
        MetricValue scores(ClassificationSample s, ZeroDivision z) {
            RocCurve.Summary r = s.ranking();
            if (r.positives() == 0) {
                return z == ZeroDivision.UNDEFINED ? MetricValue.undefined(UndefinedReason.NO_POSITIVES)
                        : MetricValue.of(-0.0);
            }
            return MetricValue.of(r.averagePrecision());
        }
    },
    /**
     * {@code log_loss} (eps='auto'): −Σ w [y ln p + (1 − y) ln(1 − p)] / W, p = clip(s, ε, 1 − ε),
     * ε = 2⁻⁵² (float64 machine epsilon; a certain wrong answer costs −ln ε ≈ 36.04). Natural logarithm.
     * sklearn raises on a single class unless {@code labels=[0, 1]}; Candor returns that value.
     */
    LOG_LOSS("log_loss", "Log loss", "-sum w (y ln p + (1-y) ln(1-p)) / W, p clipped to [eps, 1-eps]", false) {
        @Override
        MetricValue scores(ClassificationSample s, ZeroDivision z) {
            ClassificationSample.ProbabilitySums sums = s.probabilitySums(key());
            return MetricValue.ratio(sums.logLoss(), sums.total(), UndefinedReason.EMPTY_GROUP);
        }
    },
    /** {@code brier_score_loss}: Σ w (y − s)² / W. */
    BRIER_SCORE_LOSS("brier_score_loss", "Brier score", "sum w (y - s)^2 / W", false) {
        @Override
        MetricValue scores(ClassificationSample s, ZeroDivision z) {
            ClassificationSample.ProbabilitySums sums = s.probabilitySums(key());
            return MetricValue.ratio(sums.brier(), sums.total(), UndefinedReason.EMPTY_GROUP);
        }
    },
    /**
     * Expected calibration error over ten equal-width, left-closed bins (1.0 in the last):
     * ECE = Σ_b (W_b / W) |ȳ_b − s̄_b|; see {@link CalibrationBins}.
     */
    EXPECTED_CALIBRATION_ERROR("expected_calibration_error", "Expected calibration error",
            "sum_b (W_b / W) |mean(y)_b - mean(s)_b|, 10 bins [k/10, (k+1)/10)", false) {
        @Override
        MetricValue scores(ClassificationSample s, ZeroDivision z) {
            return CalibrationBins.of(s).expectedCalibrationError();
        }
    };

    /** The clipping bound of the log loss, the float64 machine epsilon 2⁻⁵². */
    public static final double EPSILON = Math.ulp(1.0);

    /** The metrics that read predicted labels. */
    public static final List<ClassificationMetric> LABEL_METRICS = List.of(ACCURACY, BALANCED_ACCURACY, PRECISION,
            RECALL, F1, FBETA_2, MATTHEWS_CORRCOEF, COHEN_KAPPA, SPECIFICITY);
    /** The metrics that read scores. */
    public static final List<ClassificationMetric> SCORE_METRICS = List.of(ROC_AUC, AVERAGE_PRECISION, LOG_LOSS,
            BRIER_SCORE_LOSS, EXPECTED_CALIBRATION_ERROR);

    private final String key;
    private final String displayName;
    private final String formula;
    private final boolean higherIsBetter;

    ClassificationMetric(String key, String displayName, String formula, boolean higherIsBetter) {
        this.key = key;
        this.displayName = displayName;
        this.formula = formula;
        this.higherIsBetter = higherIsBetter;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public String formula() {
        return formula;
    }

    @Override
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** @return true when the metric reads scores, false when it reads predicted labels */
    public boolean needsScores() {
        return SCORE_METRICS.contains(this);
    }

    /**
     * The metrics a sample can feed: label metrics with predictions, score metrics with scores (the
     * probability metrics only when every score lies in [0, 1]).
     *
     * @param sample the rows
     * @return the metrics, in table order
     */
    public static List<ClassificationMetric> available(ClassificationSample sample) {
        boolean probabilities = sample.hasScores() && Arrays.stream(sample.scoresView()).allMatch(x -> x >= 0 && x <= 1);
        return Arrays.stream(values()).filter(m -> m.needsScores()
                ? sample.hasScores() && (m == ROC_AUC || m == AVERAGE_PRECISION || probabilities)
                : sample.hasPredictions()).toList();
    }

    @Override
    public MetricValue compute(ClassificationSample s, ZeroDivision edges) {
        if (needsScores()) {
            s.requireScores(key);
        } else {
            s.requirePredictions(key);
        }
        if (s.totalWeight() == 0) {
            return MetricValue.undefined(UndefinedReason.EMPTY_GROUP);
        }
        return needsScores() ? scores(s, edges) : label(s.tp(), s.fp(), s.tn(), s.fn(), edges);
    }

    /**
     * A label metric from weighted confusion counts; with no rows the caller already answered.
     *
     * @param tp true positives
     * @param fp false positives
     * @param tn true negatives
     * @param fn false negatives
     * @param z  the edge policy
     * @return the value
     */
    MetricValue label(double tp, double fp, double tn, double fn, ZeroDivision z) {
        throw new UnsupportedOperationException(key + " reads scores");
    }

    /**
     * A score metric.
     *
     * @param s the rows, non-empty, with scores
     * @param z the edge policy
     * @return the value
     */
    MetricValue scores(ClassificationSample s, ZeroDivision z) {
        throw new UnsupportedOperationException(key + " reads predicted labels");
    }

    /**
     * A label metric on confusion counts alone (for mergeable counts and the bootstrap).
     *
     * @param tp    true positives (weighted)
     * @param fp    false positives
     * @param tn    true negatives
     * @param fn    false negatives
     * @param edges what to return where the metric is undefined
     * @return the value
     * @throws UnsupportedOperationException for a score metric
     */
    public MetricValue fromCounts(double tp, double fp, double tn, double fn, ZeroDivision edges) {
        if (needsScores()) {
            throw new UnsupportedOperationException(key + " reads scores, not confusion counts");
        }
        if (tp + fp + tn + fn == 0) {
            return MetricValue.undefined(UndefinedReason.EMPTY_GROUP);
        }
        return label(tp, fp, tn, fn, edges);
    }

    /**
     * scikit-learn's {@code fbeta_score}: F_β = (1 + β²)·prec·rec / (β²·prec + rec), computed from
     * precision and recall as sklearn does. When tp = 0 and tp + fp + fn &gt; 0 it is 0 (whatever the
     * zero-division setting). When tp + fp + fn = 0 (no positives, none predicted) it is undefined
     * ({@code NO_POSITIVES}); sklearn returns its {@code zero_division} value.
     *
     * @param tp    true positives
     * @param fp    false positives
     * @param fn    false negatives
     * @param beta  β &gt; 0 (recall weighted β times as much as precision)
     * @param edges the edge policy
     * @return F_β
     */
    public static MetricValue fbeta(double tp, double fp, double fn, double beta, ZeroDivision edges) {
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and > 0, got " + beta);
        }
        if (tp + fp + fn == 0) {
            return switch (edges) {
                case UNDEFINED -> MetricValue.undefined(UndefinedReason.NO_POSITIVES);
                case ZERO -> MetricValue.of(0.0);
                case ONE -> MetricValue.of(1.0);
            };
        }
        if (tp == 0) {
            return MetricValue.of(0.0);
        }
        double precision = tp / (tp + fp);
        double recall = tp / (tp + fn);
        double b2 = beta * beta;
        return MetricValue.of((1 + b2) * precision * recall / (b2 * precision + recall));
    }

    private static MetricValue divide(double num, double den, UndefinedReason reason, ZeroDivision z) {
        if (den != 0) {
            return MetricValue.of(num / den);
        }
        return switch (z) {
            case UNDEFINED -> MetricValue.undefined(reason);
            case ZERO -> MetricValue.of(0.0);
            case ONE -> MetricValue.of(1.0);
        };
    }
}
