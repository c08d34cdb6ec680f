package dev.candor.fairness;

/**
 * How a difference or ratio of a rate across groups is formed; see {@link Comparison}.
 *
 * @since 0.1.0
 */
public enum ComparisonMethod {
    /** AIF360: unprivileged (pooled) − privileged, unprivileged / privileged. Needs a privileged group. */
    PRIVILEGED,
    /** fairlearn {@code method='between_groups'}: max − min and min / max over all groups. */
    BETWEEN_GROUPS,
    /**
     * fairlearn {@code method='to_overall'}: max over groups of |r_g − r_overall|, and min over groups
     * of min(r_g / r_overall, r_overall / r_g).
     */
    TO_OVERALL
}
