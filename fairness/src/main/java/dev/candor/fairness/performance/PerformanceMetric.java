package dev.candor.fairness.performance;

import dev.candor.fairness.MetricValue;

/**
 * A model performance metric on a sample of one kind ({@link ClassificationSample} or
 * {@link RegressionSample}). Implemented by the two metric tables, {@link ClassificationMetric} and
 * {@link RegressionMetric}; {@link PerformanceFrame} disaggregates any of them.
 *
 * @param <S> the kind of sample the metric reads
 * @since 0.1.0
 */
public interface PerformanceMetric<S extends PerformanceSample<S>> {

    /** @return the JSON key: scikit-learn's function name without {@code _score}, e.g. {@code roc_auc} */
    String key();

    /** @return a short human-readable name, e.g. {@code ROC AUC} */
    String displayName();

    /** @return the definition, in plain text */
    String formula();

    /** @return true when a larger value means a better model (accuracy), false for losses and errors */
    boolean higherIsBetter();

    /**
     * @param sample the rows
     * @param edges  what to return where the metric is undefined
     * @return the value, or NaN with the reason it is undefined
     * @throws IllegalArgumentException when the sample cannot feed this metric (no scores, a score
     *                                  outside [0, 1] for a probability loss, a negative value for the
     *                                  squared log error), naming the column and row
     */
    MetricValue compute(S sample, ZeroDivision edges);

    /**
     * @param sample the rows
     * @return the value, or NaN with the reason it is undefined
     */
    default MetricValue compute(S sample) {
        return compute(sample, ZeroDivision.UNDEFINED);
    }
}
