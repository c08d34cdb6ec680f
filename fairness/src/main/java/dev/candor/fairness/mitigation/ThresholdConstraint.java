package dev.candor.fairness.mitigation;

/**
 * The parity constraints of {@link ThresholdOptimizer}, as fairlearn names them. Each makes one rate
 * (the x axis of every group's curve) equal across groups; equalized odds makes both the false and
 * the true positive rate equal.
 *
 * @since 0.1.0
 */
public enum ThresholdConstraint {
    /** Equal selection rates P(ŷ = 1 | g). */
    DEMOGRAPHIC_PARITY("demographic_parity", CurveRate.SELECTION_RATE),
    /** Equal true positive rates (equal opportunity). */
    TRUE_POSITIVE_RATE_PARITY("true_positive_rate_parity", CurveRate.TRUE_POSITIVE_RATE),
    /** Equal false positive rates. */
    FALSE_POSITIVE_RATE_PARITY("false_positive_rate_parity", CurveRate.FALSE_POSITIVE_RATE),
    /** Equal false negative rates. */
    FALSE_NEGATIVE_RATE_PARITY("false_negative_rate_parity", CurveRate.FALSE_NEGATIVE_RATE),
    /** Equal true negative rates. */
    TRUE_NEGATIVE_RATE_PARITY("true_negative_rate_parity", CurveRate.TRUE_NEGATIVE_RATE),
    /** Equal false and true positive rates (Hardt et al.'s equalized odds). */
    EQUALIZED_ODDS("equalized_odds", CurveRate.FALSE_POSITIVE_RATE);

    private final String key;
    final CurveRate x;

    ThresholdConstraint(String key, CurveRate x) {
        this.key = key;
        this.x = x;
    }

    /** @return fairlearn's name, e.g. {@code demographic_parity} */
    public String key() {
        return key;
    }

    /**
     * @param key fairlearn's name; {@code selection_rate_parity} is accepted as a synonym of
     *            demographic parity, as fairlearn does
     * @return the constraint
     * @throws dev.candor.core.BadInputException if no constraint has that name
     */
    public static ThresholdConstraint of(String key) {
        if ("selection_rate_parity".equals(key)) {
            return DEMOGRAPHIC_PARITY;
        }
        for (ThresholdConstraint c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        throw new dev.candor.core.BadInputException("unknown constraint '" + key + "'; expected one of "
                + java.util.Arrays.stream(values()).map(ThresholdConstraint::key).toList());
    }
}
