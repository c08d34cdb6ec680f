/**
 * Model performance metrics equal to scikit-learn's, overall and by group as fairlearn's
 * {@code MetricFrame}: {@link dev.candor.fairness.performance.ClassificationMetric} and
 * {@link dev.candor.fairness.performance.RegressionMetric} (one table each, constants carry their
 * computation), the curves ({@link dev.candor.fairness.performance.PrecisionRecallCurve},
 * {@link dev.candor.fairness.performance.RocPoints}, {@link dev.candor.fairness.performance.CalibrationCurve}),
 * and {@link dev.candor.fairness.performance.PerformanceFrame}, the disaggregation with group
 * minimum, maximum, differences and ratios.
 *
 * <p>Undefined values (a zero denominator, a single class) are NaN with an
 * {@link dev.candor.fairness.UndefinedReason}; {@link dev.candor.fairness.performance.ZeroDivision}
 * asks for scikit-learn's substitute value instead.
 *
 * @since 0.1.0
 */
package dev.candor.fairness.performance;
