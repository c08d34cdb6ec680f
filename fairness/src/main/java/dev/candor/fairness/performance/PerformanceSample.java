package dev.candor.fairness.performance;

/**
 * Validated prediction rows that a {@link PerformanceMetric} reads and {@link PerformanceFrame}
 * splits by group.
 *
 * @param <S> the concrete sample type
 * @since 0.1.0
 */
public interface PerformanceSample<S extends PerformanceSample<S>> {

    /** @return the number of rows */
    int rows();

    /** @return true when the rows carry instance weights */
    boolean weighted();

    /** @return the sum of the weights (the row count without weights) */
    double totalWeight();

    /**
     * @param rows row indices, ascending
     * @return the sample restricted to those rows, in that order
     */
    S subset(int[] rows);

    /**
     * @param weights instance weights, or null for unit weights
     * @param rows    the number of rows
     * @return the sum of the weights ({@code rows} without weights)
     */
    static double sum(double[] weights, int rows) {
        if (weights == null) {
            return rows;
        }
        double t = 0;
        for (double w : weights) {
            t += w;
        }
        return t;
    }
}
