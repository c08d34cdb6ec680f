package dev.candor.fairness.performance;

import dev.candor.fairness.MetricValue;
import dev.candor.fairness.UndefinedReason;

/**
 * fairlearn 0.14 {@code MetricFrame} aggregates of one metric over the groups of an attribute.
 * With m_g the group values and m_o the overall value:
 * <ul>
 *   <li>{@link #GROUP_MIN}, {@link #GROUP_MAX}: min_g m_g, max_g m_g;</li>
 *   <li>{@link #DIFFERENCE_BETWEEN_GROUPS}: max − min ({@code difference(method='between_groups')});</li>
 *   <li>{@link #RATIO_BETWEEN_GROUPS}: min / max ({@code ratio(method='between_groups')});</li>
 *   <li>{@link #DIFFERENCE_TO_OVERALL}: max_g |m_g − m_o|;</li>
 *   <li>{@link #RATIO_TO_OVERALL}: min_g r_g, r_g = m_g / m_o, replaced by 1 / r_g when r_g &gt; 1.</li>
 * </ul>
 * Ratios do not guard the sign (a negative R² gives a negative ratio), as fairlearn.
 *
 * <p><b>Undefined</b>: group values that are undefined are skipped (pandas skips NaN; the frame lists
 * the skipped groups). With no defined group value the aggregate is undefined ({@code SINGLE_GROUP});
 * a {@code to_overall} form with an undefined overall value takes its reason; a zero denominator is
 * undefined ({@code ZERO_REFERENCE_RATE}) where fairlearn would give inf or NaN.
 *
 * <p>Each constant names its JSON key ({@link #key()}, as in the audit's {@code performance} block)
 * and the suffix of the derived metric name ({@link #derivedName}, as fairlearn's generated
 * {@code <metric>_difference}, {@code <metric>_ratio}, {@code <metric>_group_min}, ...).
 *
 * @since 0.1.0
 */
public enum Aggregate {
    /** The smallest group value. */
    GROUP_MIN("group_min", "group_min"),
    /** The largest group value. */
    GROUP_MAX("group_max", "group_max"),
    /** Largest minus smallest group value. */
    DIFFERENCE_BETWEEN_GROUPS("difference_between_groups", "difference"),
    /** Smallest over largest group value. */
    RATIO_BETWEEN_GROUPS("ratio_between_groups", "ratio"),
    /** The largest absolute gap between a group and the whole. */
    DIFFERENCE_TO_OVERALL("difference_to_overall", "difference_to_overall"),
    /** The smallest group-to-whole ratio, each taken ≤ 1. */
    RATIO_TO_OVERALL("ratio_to_overall", "ratio_to_overall");

    private final String key;
    private final String suffix;

    Aggregate(String key, String suffix) {
        this.key = key;
        this.suffix = suffix;
    }

    /** @return the JSON key, e.g. {@code difference_between_groups} */
    public String key() {
        return key;
    }

    /**
     * @param metric the metric
     * @return fairlearn's generated name, e.g. {@code mean_absolute_error_difference}
     */
    public String derivedName(PerformanceMetric<?> metric) {
        return metric.key() + "_" + suffix;
    }

    /**
     * @param groups  the group values (undefined ones are skipped)
     * @param overall the overall value
     * @return the aggregate
     */
    public MetricValue of(MetricValue[] groups, MetricValue overall) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int defined = 0;
        for (MetricValue v : groups) {
            if (v.isDefined()) {
                min = Math.min(min, v.value());
                max = Math.max(max, v.value());
                defined++;
            }
        }
        if (defined == 0) {
            return MetricValue.undefined(UndefinedReason.SINGLE_GROUP);
        }
        switch (this) {
            case GROUP_MIN:
                return MetricValue.of(min);
            case GROUP_MAX:
                return MetricValue.of(max);
            case DIFFERENCE_BETWEEN_GROUPS:
                return MetricValue.of(max - min);
            case RATIO_BETWEEN_GROUPS:
                return MetricValue.ratio(min, max, UndefinedReason.ZERO_REFERENCE_RATE);
            default:
                break;
        }
        if (!overall.isDefined()) {
            return overall;
        }
        double o = overall.value();
        double best = this == DIFFERENCE_TO_OVERALL ? 0 : Double.POSITIVE_INFINITY;
        for (MetricValue v : groups) {
            if (!v.isDefined()) {
                continue;
            }
            if (this == DIFFERENCE_TO_OVERALL) {
                best = Math.max(best, Math.abs(v.value() - o));
            } else {
                if (o == 0) {
                    return MetricValue.undefined(UndefinedReason.ZERO_REFERENCE_RATE);
                }
                double r = v.value() / o;
                if (r > 1) {
                    r = 1 / r;
                }
                best = Math.min(best, r);
            }
        }
        return MetricValue.of(best);
    }
}
