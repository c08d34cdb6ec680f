package dev.candor.monitor.window;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The bounds a watched metric is held to in every window, fixed or derived from the reference.
 *
 * <p>Derived ({@link #fromReference}) as NannyML's {@code StandardDeviationThreshold}: with the
 * metric's values on the reference chunks, {@code mean = nanmean}, {@code std = nanstd} (population,
 * ddof 0), {@code lower = mean − k·std}, {@code upper = mean + k·std}; then a bound beyond the
 * metric's natural limit is replaced by the limit ({@code lower ≤ lowerLimit → lowerLimit},
 * {@code upper ≥ upperLimit → upperLimit}).
 *
 * <p>A value breaches when {@code value < lower} or {@code value > upper} (strict); {@code NaN}
 * never breaches; a {@code NaN} bound is no bound.
 *
 * @param metric          the watched metric, e.g. {@code accuracy}, {@code age_group.disparate_impact}
 * @param lower           the lower bound, {@code NaN} for none
 * @param upper           the upper bound, {@code NaN} for none
 * @param method          {@code fixed} or {@code reference_band}
 * @param k               the band's multiplier ({@code NaN} when fixed)
 * @param mean            the reference-chunk mean ({@code NaN} when fixed)
 * @param std             the reference-chunk population std ({@code NaN} when fixed)
 * @param lowerLimit      the metric's natural lower limit, {@code NaN} for none
 * @param upperLimit      the metric's natural upper limit, {@code NaN} for none
 * @param referenceValues the reference-chunk values (empty when fixed)
 * @since 0.2.0
 */
public record Threshold(String metric, double lower, double upper, String method, double k, double mean, double std,
        double lowerLimit, double upperLimit, double[] referenceValues) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** NannyML's default multiplier. */
    public static final double DEFAULT_K = 3.0;

    /** Copies the values. */
    public Threshold {
        referenceValues = referenceValues.clone();
    }

    /**
     * @param metric the metric
     * @param lower  the lower bound, {@code NaN} for none
     * @param upper  the upper bound, {@code NaN} for none
     * @return a fixed threshold
     */
    public static Threshold fixed(String metric, double lower, double upper) {
        return new Threshold(metric, lower, upper, "fixed", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                new double[0]);
    }

    /**
     * @param metric     the metric
     * @param values     its value on each reference chunk ({@code NaN} where undefined)
     * @param k          the multiplier
     * @param lowerLimit the metric's lower limit, {@code NaN} for none
     * @param upperLimit the metric's upper limit, {@code NaN} for none
     * @return the derived threshold; bounds are {@code NaN} when no chunk value is defined
     */
    public static Threshold fromReference(String metric, double[] values, double k, double lowerLimit,
            double upperLimit) {
        double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        double mean = Double.NaN;
        double std = Double.NaN;
        if (defined.length > 0) {
            double s = 0;
            for (double v : defined) {
                s += v;
            }
            mean = s / defined.length;
            double ss = 0;
            for (double v : defined) {
                ss += (v - mean) * (v - mean);
            }
            std = Math.sqrt(ss / defined.length);
        }
        double lower = mean - k * std;
        double upper = mean + k * std;
        if (!Double.isNaN(lowerLimit) && lower <= lowerLimit) {
            lower = lowerLimit;
        }
        if (!Double.isNaN(upperLimit) && upper >= upperLimit) {
            upper = upperLimit;
        }
        return new Threshold(metric, lower, upper, "reference_band", k, mean, std, lowerLimit, upperLimit, values);
    }

    /**
     * @param value a window's value
     * @return whether it breaches (strictly outside; {@code NaN} never does)
     */
    public boolean breached(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        return (!Double.isNaN(lower) && value < lower) || (!Double.isNaN(upper) && value > upper);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Threshold t && metric.equals(t.metric) && Double.compare(lower, t.lower) == 0
                && Double.compare(upper, t.upper) == 0 && method.equals(t.method)
                && Arrays.equals(referenceValues, t.referenceValues);
    }

    @Override
    public int hashCode() {
        return metric.hashCode() * 31 + Double.hashCode(lower) * 7 + Double.hashCode(upper);
    }

    @Override
    public String toString() {
        return metric + " [" + lower + ", " + upper + "] (" + method + ")";
    }
}
