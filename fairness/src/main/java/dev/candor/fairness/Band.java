package dev.candor.fairness;

import java.util.Locale;

/**
 * The acceptable values of a fairness metric, {@code lower ≤ value ≤ upper}; an infinite end means
 * no bound on that side. The defaults every table, chart and policy reads live in {@link MetricKind}
 * (the four-fifths band for ratios, ±0.1 for differences) and are narrowed per metric by
 * {@link FairnessMetric#band()}.
 *
 * @param lower the lowest acceptable value ({@code -∞}: none)
 * @param upper the highest acceptable value ({@code +∞}: none)
 * @since 0.1.0
 */
public record Band(double lower, double upper) {

    /**
     * The four-fifths rule read both ways (EEOC Uniform Guidelines, 29 CFR 1607.4(D)): a ratio of
     * selection rates of at least 0.8, and at most 1.25 = 1 / 0.8 (the same rule with the groups
     * swapped).
     */
    public static final Band FOUR_FIFTHS = new Band(0.8, 1.25);

    /** No bound on either side. */
    public static final Band NONE = new Band(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public Band {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("a band needs lower <= upper, got [" + lower + ", " + upper + "]");
        }
    }

    /**
     * @param upper the highest acceptable value
     * @return the band {@code (-∞, upper]}
     */
    public static Band atMost(double upper) {
        return new Band(Double.NEGATIVE_INFINITY, upper);
    }

    /**
     * @param lower the lowest acceptable value
     * @return the band {@code [lower, +∞)}
     */
    public static Band atLeast(double lower) {
        return new Band(lower, Double.POSITIVE_INFINITY);
    }

    /** @return true when the band bounds at least one side */
    public boolean isBounded() {
        return hasLower() || hasUpper();
    }

    /** @return true when there is a finite lower bound */
    public boolean hasLower() {
        return lower != Double.NEGATIVE_INFINITY;
    }

    /** @return true when there is a finite upper bound */
    public boolean hasUpper() {
        return upper != Double.POSITIVE_INFINITY;
    }

    /** @return the lower bound, or null without one (the form a {@code Policy.Rule} takes) */
    public Double lowerOrNull() {
        return hasLower() ? lower : null;
    }

    /** @return the upper bound, or null without one */
    public Double upperOrNull() {
        return hasUpper() ? upper : null;
    }

    /**
     * @param value a metric value
     * @return true when it lies in the band (NaN never does)
     */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /** @return {@code [0.8, 1.25]}, {@code ≤ 0.1}, {@code ≥ 0.8} or {@code any} */
    @Override
    public String toString() {
        if (hasLower() && hasUpper()) {
            return "[" + fmt(lower) + ", " + fmt(upper) + "]";
        }
        if (hasUpper()) {
            return "≤ " + fmt(upper);
        }
        return hasLower() ? "≥ " + fmt(lower) : "any";
    }

    /** A bound as written by hand: {@code 0.8}, {@code -0.1}, {@code 1.25}, {@code 0}. */
    static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
