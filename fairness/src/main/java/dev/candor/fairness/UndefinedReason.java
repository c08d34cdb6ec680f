package dev.candor.fairness;

/**
 * Why a metric has no value. Candor never substitutes 0 for an undefined quantity: the value is
 * {@code NaN} in Java and {@code null} in JSON, and one of these reasons is kept beside it.
 *
 * @since 0.1.0
 */
public enum UndefinedReason {
    /** The group has no rows (or a total weight of zero). */
    EMPTY_GROUP,
    /** The group has no rows whose true label is favorable (TPR, FNR undefined). */
    NO_POSITIVES,
    /** The group has no rows whose true label is unfavorable (FPR, TNR undefined). */
    NO_NEGATIVES,
    /** No row of the group is predicted favorable (PPV, FDR undefined). */
    NO_PREDICTED_POSITIVES,
    /** No row of the group is predicted unfavorable (NPV, FOR undefined). */
    NO_PREDICTED_NEGATIVES,
    /** The denominator of a ratio (the privileged group's or the largest group's rate) is zero. */
    ZERO_REFERENCE_RATE,
    /** Fewer than two groups with a defined value, so no comparison between groups exists. */
    SINGLE_GROUP,
    /** The mean benefit is zero, so an inequality index divides by zero. */
    ZERO_MEAN,
    /** A benefit of zero enters a logarithm or a negative power (generalized entropy with alpha <= 0). */
    ZERO_BENEFIT,
    /** Only one class of the true label occurs, so ROC AUC is undefined. */
    SINGLE_CLASS,
    /** No score column was given. */
    NO_SCORES,
    /** A score lies outside [0, 1], so the log loss of probabilities is undefined. */
    SCORES_NOT_PROBABILITIES,
    /** The regression target is constant, so R² and explained variance divide by a zero variance. */
    CONSTANT_TARGET,
    /** Fewer rows than the metric needs (R² of a single row). */
    TOO_FEW_ROWS,
    /** The metric needs a privileged group and none was named. */
    NO_PRIVILEGED_GROUP;

    /** @return the reason in words for people, e.g. {@code no positives}, {@code no privileged group} */
    public String words() {
        return key().replace('_', ' ');
    }

    /** @return the reason as written in JSON, lower snake case, e.g. {@code no_positives} */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
