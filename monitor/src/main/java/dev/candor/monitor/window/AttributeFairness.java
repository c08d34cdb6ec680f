package dev.candor.monitor.window;

import dev.candor.fairness.Comparison;
import dev.candor.fairness.ConfidenceInterval;
import dev.candor.fairness.GroupCounts;
import java.util.Map;

/**
 * Fairness of one protected attribute in one window: the group confusion counts and the metrics
 * under the audit's keys. AIF360's privileged forms ({@code statistical_parity_difference},
 * {@code disparate_impact}, {@code equal_opportunity_difference}, {@code average_odds_difference};
 * unprivileged groups pooled, unprivileged minus privileged) when a privileged value is named;
 * fairlearn's {@code demographic_parity_difference} and {@code equalized_odds_difference} always,
 * over the groups present in the window, with fairlearn's convention that a 0/0 rate is 0.
 *
 * @param attribute  the attribute
 * @param privileged the privileged value, or {@code null}
 * @param counts     the confusion counts per group (label metrics need labels; without labels every
 *                   row counts as a negative and only selection-rate metrics are reported)
 * @param labelled   whether the counts rest on true labels
 * @param metrics    the metrics by key, in a stable order
 * @param intervals  seeded bootstrap percentile intervals by metric key (may be empty)
 * @since 0.2.0
 */
public record AttributeFairness(String attribute, String privileged, GroupCounts counts, boolean labelled,
        Map<String, Comparison> metrics, Map<String, ConfidenceInterval> intervals) {

    /** Copies the maps. */
    public AttributeFairness {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        intervals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(intervals));
    }
}
