package dev.candor.fairness.mitigation;

/**
 * The objectives {@link ThresholdOptimizer} maximizes, as fairlearn names them. Under equalized odds
 * fairlearn allows only the two accuracies.
 *
 * @since 0.1.0
 */
public enum ThresholdObjective {
    /** Accuracy P(ŷ = y). */
    ACCURACY_SCORE("accuracy_score", CurveRate.ACCURACY),
    /** Balanced accuracy (TPR + TNR) / 2; under a simple constraint the group-size-weighted mean of the
     *  groups' balanced accuracies, as fairlearn. */
    BALANCED_ACCURACY_SCORE("balanced_accuracy_score", CurveRate.BALANCED_ACCURACY),
    /** Selection rate. */
    SELECTION_RATE("selection_rate", CurveRate.SELECTION_RATE),
    /** True positive rate. */
    TRUE_POSITIVE_RATE("true_positive_rate", CurveRate.TRUE_POSITIVE_RATE),
    /** True negative rate. */
    TRUE_NEGATIVE_RATE("true_negative_rate", CurveRate.TRUE_NEGATIVE_RATE);

    private final String key;
    final CurveRate y;

    ThresholdObjective(String key, CurveRate y) {
        this.key = key;
        this.y = y;
    }

    /** @return fairlearn's name, e.g. {@code accuracy_score} */
    public String key() {
        return key;
    }

    boolean allowedUnderEqualizedOdds() {
        return this == ACCURACY_SCORE || this == BALANCED_ACCURACY_SCORE;
    }

    /**
     * @param key fairlearn's name
     * @return the objective
     * @throws dev.candor.core.BadInputException if no objective has that name
     */
    public static ThresholdObjective of(String key) {
        for (ThresholdObjective o : values()) {
            if (o.key.equals(key)) {
                return o;
            }
        }
        throw new dev.candor.core.BadInputException("unknown objective '" + key + "'; expected one of "
                + java.util.Arrays.stream(values()).map(ThresholdObjective::key).toList());
    }
}
