package dev.candor.monitor;

/**
 * Why a drift test has no value for a feature. Each reason corresponds to an input on which the
 * reference implementation (Evidently with scipy) raises an error or returns noise; Candor reports
 * the reason beside a {@code NaN} value instead.
 *
 * @since 0.1.0
 */
public enum UndefinedReason {
    /** Both samples are constant: the pooled variance is zero, so the t statistic is 0/0. */
    ZERO_VARIANCE("both samples are constant (zero variance)"),
    /** The reference is constant: a distance normalised by its standard deviation is meaningless. */
    CONSTANT_REFERENCE("the reference sample is constant (zero standard deviation)"),
    /** The pooled interquartile range is zero, so Epps–Singleton cannot scale its frequencies. */
    ZERO_IQR("the pooled interquartile range is zero"),
    /** Fisher's exact test needs a feature with at most two values. */
    NOT_BINARY("the feature has more than two distinct values"),
    /** Evidently's Fisher and G tests compare raw counts, so the samples must have equal sizes. */
    UNEQUAL_SIZES("the reference and current samples have different sizes"),
    /** Fewer than two distinct values over both samples. */
    SINGLE_CATEGORY("the feature has a single distinct value"),
    /**
     * The test needs every value of both samples (ranks, the whole ECDF), and one side is a profile,
     * which keeps counts, moments and a quantile sketch only.
     */
    NEEDS_RAW_VALUES("the test needs every value, and the reference (or current) side is a profile"),
    /**
     * The samples are weighted and the test has no weighted form here (rank tests, Fisher, TVD's
     * permutation, the z-test, Epps–Singleton).
     */
    WEIGHTS_NOT_SUPPORTED("the test has no weighted form; run it without weights"),
    /** The test does not apply to this kind of feature. */
    NOT_APPLICABLE("the test does not apply to this kind of feature");

    private final String description;

    UndefinedReason(String description) {
        this.description = description;
    }

    /** @return a sentence describing the condition */
    public String description() {
        return description;
    }
}
