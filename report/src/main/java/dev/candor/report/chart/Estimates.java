package dev.candor.report.chart;

/**
 * Labelled estimates with optional confidence intervals: what a band chart draws, one bar per label.
 *
 * @param labels the bar labels
 * @param values the estimates (NaN: undefined, not drawn)
 * @param ciLow  the intervals' low ends, or null when there are no intervals
 * @param ciHigh the intervals' high ends, or null when there are no intervals
 * @since 0.1.0
 */
public record Estimates(String[] labels, double[] values, double[] ciLow, double[] ciHigh) {

    /**
     * @throws IllegalArgumentException if the lengths differ, or only one end of the intervals is given
     */
    public Estimates {
        ChartSupport.requireSameLength("categories", labels.length, "values", values.length);
        if (ciLow != null || ciHigh != null) {
            if (ciLow == null || ciHigh == null) {
                throw new IllegalArgumentException("ciLow and ciHigh must both be given or both be null");
            }
            ChartSupport.requireSameLength("values", values.length, "ciLow", ciLow.length);
            ChartSupport.requireSameLength("values", values.length, "ciHigh", ciHigh.length);
            ciLow = ciLow.clone();
            ciHigh = ciHigh.clone();
        }
        labels = labels.clone();
        values = values.clone();
    }

    /**
     * @param labels the bar labels
     * @param values the estimates
     * @return estimates without intervals
     */
    public static Estimates of(String[] labels, double[] values) {
        return new Estimates(labels, values, null, null);
    }
}
