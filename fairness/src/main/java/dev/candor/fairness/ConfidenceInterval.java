package dev.candor.fairness;

/**
 * A two-sided confidence interval.
 *
 * @param lower  the lower bound (NaN when undefined)
 * @param upper  the upper bound (NaN when undefined)
 * @param level  the confidence level, e.g. 0.95
 * @param method how it was computed, e.g. {@code wilson} or {@code bootstrap-percentile}
 * @since 0.1.0
 */
public record ConfidenceInterval(double lower, double upper, double level, String method) {

    public ConfidenceInterval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " exceeds upper bound " + upper);
        }
    }

    /** @return true when both bounds are defined */
    public boolean isDefined() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }

    /**
     * @param x a value
     * @return true when {@code lower <= x <= upper}
     */
    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }
}
