package dev.candor.fairness;

/**
 * A per-group rate computed from {@link ConfusionCounts}, with the key used in JSON (the AIF360 /
 * fairlearn / scikit-learn name).
 *
 * <p>All rates are ratios of weighted sums; without weights they are ratios of row counts. With
 * {@code P = tp + fn}, {@code N = fp + tn}, {@code P̂ = tp + fp}, {@code N̂ = tn + fn} and
 * {@code T = P + N}:
 * <ul>
 *   <li>{@code selection_rate = P̂ / T}, {@code base_rate = P / T}, {@code accuracy = (tp + tn) / T},
 *       {@code error_rate = 1 − accuracy} (computed as AIF360 does);</li>
 *   <li>{@code true_positive_rate = tp / P} (recall), {@code false_negative_rate = fn / P},
 *       {@code false_positive_rate = fp / N}, {@code true_negative_rate = tn / N};</li>
 *   <li>{@code positive_predictive_value = tp / P̂} (precision), {@code false_discovery_rate = fp / P̂},
 *       {@code negative_predictive_value = tn / N̂}, {@code false_omission_rate = fn / N̂};</li>
 *   <li>{@code balanced_accuracy = (TPR + TNR) / 2}, {@code f1_score = 2tp / (2tp + fp + fn)}.</li>
 * </ul>
 * Edge cases: a zero denominator gives NaN with the reason named by {@link #whenZero()} (an empty
 * group gives {@link UndefinedReason#EMPTY_GROUP} for every rate). AIF360 returns 0 for
 * PPV/NPV/FDR/FOR/accuracy in that case and scikit-learn returns 0 with a warning; Candor does not.
 *
 * <p>Reference: AIF360 {@code ClassificationMetric} (Bellamy et al. 2019, doi:10.1147/JRD.2019.2942287);
 * fairlearn {@code MetricFrame} (Weerts et al. 2023, JMLR 24(257)).
 *
 * @since 0.1.0
 */
public enum Rate {
    /** P(ŷ = fav). */
    SELECTION_RATE("selection_rate", UndefinedReason.EMPTY_GROUP),
    /** P(y = fav). */
    BASE_RATE("base_rate", UndefinedReason.EMPTY_GROUP),
    /** P(ŷ = y). */
    ACCURACY("accuracy", UndefinedReason.EMPTY_GROUP),
    /** (TPR + TNR) / 2. */
    BALANCED_ACCURACY("balanced_accuracy", null),
    /** P(ŷ = fav | y = fav), recall, sensitivity. */
    TRUE_POSITIVE_RATE("true_positive_rate", UndefinedReason.NO_POSITIVES),
    /** P(ŷ = fav | y = unfav). */
    FALSE_POSITIVE_RATE("false_positive_rate", UndefinedReason.NO_NEGATIVES),
    /** P(ŷ = unfav | y = unfav), specificity. */
    TRUE_NEGATIVE_RATE("true_negative_rate", UndefinedReason.NO_NEGATIVES),
    /** P(ŷ = unfav | y = fav). */
    FALSE_NEGATIVE_RATE("false_negative_rate", UndefinedReason.NO_POSITIVES),
    /** P(y = fav | ŷ = fav), precision. */
    POSITIVE_PREDICTIVE_VALUE("positive_predictive_value", UndefinedReason.NO_PREDICTED_POSITIVES),
    /** P(y = unfav | ŷ = unfav). */
    NEGATIVE_PREDICTIVE_VALUE("negative_predictive_value", UndefinedReason.NO_PREDICTED_NEGATIVES),
    /** P(y = unfav | ŷ = fav). */
    FALSE_DISCOVERY_RATE("false_discovery_rate", UndefinedReason.NO_PREDICTED_POSITIVES),
    /** P(y = fav | ŷ = unfav). */
    FALSE_OMISSION_RATE("false_omission_rate", UndefinedReason.NO_PREDICTED_NEGATIVES),
    /** P(ŷ ≠ y) = 1 − accuracy. */
    ERROR_RATE("error_rate", UndefinedReason.EMPTY_GROUP),
    /** 2tp / (2tp + fp + fn). */
    F1_SCORE("f1_score", UndefinedReason.NO_POSITIVES);

    private final String key;
    private final UndefinedReason whenZero;

    Rate(String key, UndefinedReason whenZero) {
        this.key = key;
        this.whenZero = whenZero;
    }

    /** @return the JSON key, e.g. {@code true_positive_rate} */
    public String key() {
        return key;
    }

    /** @return the reason recorded when the denominator is zero (null for balanced accuracy, which inherits it) */
    public UndefinedReason whenZero() {
        return whenZero;
    }

    /**
     * @return true when the rate is a proportion {@code numerator / denominator} of one cell set within
     *         another (all but balanced accuracy and F1), so binomial intervals and 2×2 tests apply
     */
    public boolean isProportion() {
        return this != BALANCED_ACCURACY && this != F1_SCORE;
    }

    /**
     * The rate of a group.
     *
     * @param c the group's counts
     * @return the value, or NaN with a reason when its denominator is zero
     */
    public MetricValue of(ConfusionCounts c) {
        if (c.total() == 0.0) {
            return MetricValue.undefined(UndefinedReason.EMPTY_GROUP);
        }
        return switch (this) {
            case ERROR_RATE -> MetricValue.of(1.0 - (c.tp() + c.tn()) / c.total());
            case BALANCED_ACCURACY -> {
                MetricValue tpr = TRUE_POSITIVE_RATE.of(c);
                MetricValue tnr = TRUE_NEGATIVE_RATE.of(c);
                if (!tpr.isDefined()) {
                    yield tpr;
                }
                yield tnr.isDefined() ? MetricValue.of((tpr.value() + tnr.value()) / 2.0) : tnr;
            }
            case F1_SCORE -> MetricValue.ratio(2 * c.tp(), 2 * c.tp() + c.fp() + c.fn(), whenZero);
            default -> MetricValue.ratio(numerator(c), denominator(c), whenZero);
        };
    }

    /**
     * The weighted numerator of a proportion (for error rate: {@code fp + fn}).
     *
     * @param c the counts
     * @return the numerator
     * @throws UnsupportedOperationException for balanced accuracy and F1
     */
    public double numerator(ConfusionCounts c) {
        return switch (this) {
            case SELECTION_RATE -> c.tp() + c.fp();
            case BASE_RATE -> c.tp() + c.fn();
            case ACCURACY -> c.tp() + c.tn();
            case ERROR_RATE -> c.fp() + c.fn();
            case TRUE_POSITIVE_RATE, POSITIVE_PREDICTIVE_VALUE -> c.tp();
            case FALSE_POSITIVE_RATE, FALSE_DISCOVERY_RATE -> c.fp();
            case TRUE_NEGATIVE_RATE, NEGATIVE_PREDICTIVE_VALUE -> c.tn();
            case FALSE_NEGATIVE_RATE, FALSE_OMISSION_RATE -> c.fn();
            default -> throw new UnsupportedOperationException(key + " is not a proportion");
        };
    }

    /**
     * The weighted denominator of a proportion.
     *
     * @param c the counts
     * @return the denominator
     * @throws UnsupportedOperationException for balanced accuracy and F1
     */
    public double denominator(ConfusionCounts c) {
        return switch (this) {
            case SELECTION_RATE, BASE_RATE, ACCURACY, ERROR_RATE -> c.total();
            case TRUE_POSITIVE_RATE, FALSE_NEGATIVE_RATE -> c.positives();
            case FALSE_POSITIVE_RATE, TRUE_NEGATIVE_RATE -> c.negatives();
            case POSITIVE_PREDICTIVE_VALUE, FALSE_DISCOVERY_RATE -> c.predictedPositives();
            case NEGATIVE_PREDICTIVE_VALUE, FALSE_OMISSION_RATE -> c.predictedNegatives();
            default -> throw new UnsupportedOperationException(key + " is not a proportion");
        };
    }

    /**
     * Unweighted row counts of a proportion, {@code {successes, trials}}, for exact tests.
     *
     * @param c the counts
     * @return {@code {numerator rows, denominator rows}}
     * @throws UnsupportedOperationException for balanced accuracy and F1
     */
    public long[] rowCounts(ConfusionCounts c) {
        ConfusionCounts u = ConfusionCounts.of(c.rowsTp(), c.rowsFp(), c.rowsTn(), c.rowsFn());
        return new long[] {(long) numerator(u), (long) denominator(u)};
    }

    /**
     * Kish's effective sample size of the denominator, {@code (Σw)² / Σw²}; the row count without weights.
     *
     * @param c the counts
     * @return the effective number of trials (0 when the denominator is empty)
     * @throws UnsupportedOperationException for balanced accuracy and F1
     */
    public double effectiveTrials(ConfusionCounts c) {
        ConfusionCounts sq = c.squaredWeights();
        double den = denominator(c);
        double denSq = denominator(sq);
        return denSq == 0.0 ? 0.0 : den * den / denSq;
    }

    /**
     * @param key a JSON key such as {@code selection_rate}
     * @return the rate with that key
     * @throws IllegalArgumentException if no rate has that key
     */
    public static Rate fromKey(String key) {
        for (Rate r : values()) {
            if (r.key.equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rate '" + key + "'");
    }
}
