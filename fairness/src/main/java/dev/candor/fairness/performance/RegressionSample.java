package dev.candor.fairness.performance;

import dev.candor.core.BadInputException;
import java.util.Objects;

/**
 * Regression rows, checked once: targets, predictions and optional instance weights, with the column
 * names used in error messages. Targets and predictions must be finite (a NaN target is refused with
 * its column and row), weights finite and {@code ≥ 0}. Immutable; arrays are copied.
 *
 * @since 0.1.0
 */
public final class RegressionSample implements PerformanceSample<RegressionSample> {

    private final double[] yTrue;
    private final double[] yPred;
    private final double[] weights;
    private final Columns columns;

    /**
     * The names of the input columns, for error messages.
     *
     * @param target     the target column
     * @param prediction the prediction column
     * @param weight     the weight column
     */
    public record Columns(String target, String prediction, String weight) {
        /** The names used when none are given. */
        public static final Columns DEFAULT = new Columns("y_true", "y_pred", "sample_weight");
    }

    private RegressionSample(double[] yTrue, double[] yPred, double[] weights, Columns columns) {
        this.yTrue = yTrue;
        this.yPred = yPred;
        this.weights = weights;
        this.columns = columns;
    }

    /**
     * @param yTrue   targets, finite
     * @param yPred   predictions, finite
     * @param weights instance weights, or null for 1 each
     * @return the checked sample
     * @throws BadInputException on mismatched lengths or a bad value, naming the column and row
     */
    public static RegressionSample of(double[] yTrue, double[] yPred, double[] weights) {
        return of(yTrue, yPred, weights, Columns.DEFAULT);
    }

    /**
     * @param yTrue   targets, finite
     * @param yPred   predictions, finite
     * @param weights instance weights, or null
     * @param columns the column names for error messages
     * @return the checked sample
     * @throws BadInputException on mismatched lengths or a bad value, naming the column and row
     */
    public static RegressionSample of(double[] yTrue, double[] yPred, double[] weights, Columns columns) {
        Objects.requireNonNull(yTrue, "yTrue");
        Objects.requireNonNull(yPred, "yPred");
        Objects.requireNonNull(columns, "columns");
        int n = yTrue.length;
        if (yPred.length != n) {
            throw new BadInputException("column '" + columns.prediction() + "' has " + yPred.length
                    + " rows but column '" + columns.target() + "' has " + n);
        }
        if (weights != null && weights.length != n) {
            throw new BadInputException("column '" + columns.weight() + "' has " + weights.length
                    + " rows but column '" + columns.target() + "' has " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(yTrue[i])) {
                throw new BadInputException("column '" + columns.target() + "', row " + i + ": target " + yTrue[i]
                        + " is not a finite number");
            }
            if (!Double.isFinite(yPred[i])) {
                throw new BadInputException("column '" + columns.prediction() + "', row " + i + ": prediction "
                        + yPred[i] + " is not a finite number");
            }
            if (weights != null && !(weights[i] >= 0 && weights[i] < Double.POSITIVE_INFINITY)) {
                throw new BadInputException("column '" + columns.weight() + "', row " + i + ": weight " + weights[i]
                        + " is not finite and >= 0");
            }
        }
        return new RegressionSample(yTrue.clone(), yPred.clone(), weights == null ? null : weights.clone(), columns);
    }

    @Override
    public RegressionSample subset(int[] rows) {
        int m = rows.length;
        double[] y = new double[m];
        double[] p = new double[m];
        double[] w = weights == null ? null : new double[m];
        for (int j = 0; j < m; j++) {
            y[j] = yTrue[rows[j]];
            p[j] = yPred[rows[j]];
            if (w != null) {
                w[j] = weights[rows[j]];
            }
        }
        return new RegressionSample(y, p, w, columns);
    }

    @Override
    public int rows() {
        return yTrue.length;
    }

    @Override
    public boolean weighted() {
        return weights != null;
    }

    @Override
    public double totalWeight() {
        return PerformanceSample.sum(weights, yTrue.length);
    }

    /** @return the column names */
    public Columns columns() {
        return columns;
    }

    /** @return true when no target and no prediction is negative (the squared log error is defined) */
    public boolean nonNegative() {
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] < 0 || yPred[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Refuses negative values, naming the column, row and metric. */
    void requireNonNegative(String metric) {
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] < 0) {
                throw new BadInputException("column '" + columns.target() + "', row " + i + ": target " + yTrue[i]
                        + " is negative; " + metric + " takes log(1 + y) and needs values >= 0");
            }
            if (yPred[i] < 0) {
                throw new BadInputException("column '" + columns.prediction() + "', row " + i + ": prediction "
                        + yPred[i] + " is negative; " + metric + " takes log(1 + y) and needs values >= 0");
            }
        }
    }

    double target(int i) {
        return yTrue[i];
    }

    double prediction(int i) {
        return yPred[i];
    }

    double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }
}
