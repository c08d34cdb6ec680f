package dev.candor.models;

import java.util.Objects;

/**
 * A fitted binary logistic regression: \( P(y = 1 \mid x) = \sigma(\beta_0 + x \cdot \beta) \) with
 * \( \sigma(t) = 1 / (1 + e^{-t}) \). Made by {@link WeightedLogisticRegression}.
 *
 * @param intercept    \(\beta_0\) (not penalized)
 * @param coefficients \(\beta\), one per input column (the array is copied in and out)
 * @param l2           the L2 penalty \(\lambda\) it was fitted with
 * @param iterations   the Newton iterations used
 * @param gradientNorm the largest absolute component of the objective's gradient at the solution
 * @param objective    the penalized weighted negative log-likelihood at the solution
 * @since 0.1.0
 */
public record LogisticModel(double intercept, double[] coefficients, double l2, int iterations,
                            double gradientNorm, double objective) {

    /** Copies the coefficients. */
    public LogisticModel {
        coefficients = Objects.requireNonNull(coefficients, "coefficients").clone();
    }

    /** @return a copy of \(\beta\) */
    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** @return the number of input columns */
    public int width() {
        return coefficients.length;
    }

    /**
     * @param row one input row of {@link #width()} values
     * @return the linear predictor \(\beta_0 + x \cdot \beta\) (the log-odds of class 1)
     * @throws IllegalArgumentException if the row has the wrong width
     */
    public double decision(double[] row) {
        if (row.length != coefficients.length) {
            throw new IllegalArgumentException("row has " + row.length + " values, the model expects "
                    + coefficients.length);
        }
        double eta = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            eta += coefficients[j] * row[j];
        }
        return eta;
    }

    /**
     * @param row one input row
     * @return \(P(y = 1 \mid x)\)
     */
    public double probability(double[] row) {
        return sigmoid(decision(row));
    }

    /**
     * @param rows a batch of rows
     * @return \(P(y = 1 \mid x)\) for each row
     */
    public double[] probabilities(double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = probability(rows[i]);
        }
        return out;
    }

    /**
     * The logistic function, computed without overflow for large |t|.
     *
     * @param t the log-odds
     * @return \( 1 / (1 + e^{-t}) \)
     */
    public static double sigmoid(double t) {
        if (t >= 0) {
            return 1.0 / (1.0 + Math.exp(-t));
        }
        double e = Math.exp(t);
        return e / (1.0 + e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogisticModel m && Double.compare(intercept, m.intercept) == 0
                && java.util.Arrays.equals(coefficients, m.coefficients) && Double.compare(l2, m.l2) == 0
                && iterations == m.iterations && Double.compare(gradientNorm, m.gradientNorm) == 0
                && Double.compare(objective, m.objective) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(intercept) + java.util.Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return "LogisticModel(intercept=" + intercept + ", coefficients=" + java.util.Arrays.toString(coefficients)
                + ", l2=" + l2 + ", iterations=" + iterations + ")";
    }
}
