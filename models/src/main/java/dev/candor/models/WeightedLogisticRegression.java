package dev.candor.models;

import dev.candor.core.linalg.Cholesky;
import java.util.Objects;

/**
 * Binary logistic regression with real-valued instance weights and an L2 penalty, fitted by Newton's
 * method (iteratively reweighted least squares) with a backtracking line search.
 *
 * <h2>Objective</h2>
 * \[ \min_{\beta_0, \beta} \; \sum_i w_i \left[ \log\left(1 + e^{\eta_i}\right) - y_i \eta_i \right]
 *    + \frac{\lambda}{2} \lVert \beta \rVert^2, \qquad \eta_i = \beta_0 + x_i \cdot \beta, \]
 * with \(y_i \in \{0, 1\}\) and weights \(w_i \ge 0\). The intercept is not penalized. This is
 * scikit-learn's {@code LogisticRegression(C)} objective with {@code sample_weight} and
 * \(\lambda = 1/C\) (the default {@code l2 = 1} is scikit-learn's default {@code C = 1}); weights enter
 * the loss directly, so fractional weights such as reweighing's are used as they are, and integer
 * weights give exactly the fit of the data with each row repeated that many times.
 *
 * <h2>Algorithm</h2>
 * Each step solves \( H d = g \) by Cholesky decomposition ({@link Cholesky}, whose pivot tolerance decides when H is singular), where
 * \( g = \tilde X^\top (w \circ (p - y)) + \lambda (0, \beta) \) and
 * \( H = \tilde X^\top \mathrm{diag}(w_i p_i (1 - p_i)) \tilde X + \lambda\,\mathrm{diag}(0, 1, \dots, 1) \)
 * (\(\tilde X\) is \(X\) with a leading column of ones), and halves the step until the objective
 * decreases. Iteration stops when \( \lVert g \rVert_\infty \le \text{tolerance} \cdot \max(1, \sum_i w_i) \).
 * Iteration also stops when a step no longer changes the coefficients (the gradient is then at
 * rounding level). With \(\lambda > 0\) the objective is strictly convex and the solution unique, even for collinear
 * columns (a full one-hot encoding with an intercept) and separable classes.
 *
 * <h2>Edge cases</h2>
 * <ul>
 *   <li>With \(\lambda = 0\), collinear columns make \(H\) singular, and linearly separable classes
 *       have no maximum-likelihood estimate (the coefficients grow without bound; detected as every
 *       weighted row classified correctly at the end): both end in an {@link IllegalStateException}
 *       that says so. Quasi-complete separation (some rows on the boundary) is not detected.</li>
 *   <li>A value of \(X\) that is NaN or infinite, a label other than 0/1, a negative, NaN or infinite
 *       weight, ragged rows or mismatched lengths: {@link IllegalArgumentException} naming the row,
 *       column and value. All-zero weights are refused. Rows of weight 0 do not affect the fit.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe; cost per iteration is \(O(n p^2)\) for \(n\) rows and
 * \(p\) columns.
 *
 * <p>References: P. McCullagh and J. A. Nelder, <i>Generalized Linear Models</i>, 2nd ed., Chapman &
 * Hall, 1989, §2.5 (IRLS), doi:10.1007/978-1-4899-3242-6; T. Hastie, R. Tibshirani and J. Friedman,
 * <i>The Elements of Statistical Learning</i>, 2nd ed., §4.4.1, doi:10.1007/978-0-387-84858-7.
 *
 * @since 0.1.0
 */
public final class WeightedLogisticRegression {

    /** Default L2 penalty, scikit-learn's {@code C = 1}. */
    public static final double DEFAULT_L2 = 1.0;
    /** Default relative gradient tolerance. */
    public static final double DEFAULT_TOLERANCE = 1e-12;
    /** Default iteration limit. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    private final double l2;
    private final double tolerance;
    private final int maxIterations;

    private WeightedLogisticRegression(double l2, double tolerance, int maxIterations) {
        this.l2 = l2;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** @return a trainer with {@code l2 = 1}, tolerance 1e-12 and at most 100 iterations */
    public static WeightedLogisticRegression withDefaults() {
        return new WeightedLogisticRegression(DEFAULT_L2, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param lambda the L2 penalty \(\lambda \ge 0\) on the coefficients (not the intercept)
     * @return a copy with that penalty
     * @throws IllegalArgumentException if lambda is negative or not finite
     */
    public WeightedLogisticRegression withL2(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("l2 must be finite and >= 0, got " + lambda);
        }
        return new WeightedLogisticRegression(lambda, tolerance, maxIterations);
    }

    /**
     * @param tol the relative gradient tolerance, in (0, 1)
     * @return a copy with that tolerance
     * @throws IllegalArgumentException if tol is outside (0, 1)
     */
    public WeightedLogisticRegression withTolerance(double tol) {
        if (!(tol > 0 && tol < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tol);
        }
        return new WeightedLogisticRegression(l2, tol, maxIterations);
    }

    /**
     * @param iterations the largest number of Newton iterations, {@code >= 1}
     * @return a copy with that limit
     * @throws IllegalArgumentException if iterations is below 1
     */
    public WeightedLogisticRegression withMaxIterations(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + iterations);
        }
        return new WeightedLogisticRegression(l2, tolerance, iterations);
    }

    /** @return the L2 penalty \(\lambda\) */
    public double l2() {
        return l2;
    }

    /** @return the relative gradient tolerance */
    public double tolerance() {
        return tolerance;
    }

    /** @return the iteration limit */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Fits with unit weights.
     *
     * @param x the rows (n × p, rectangular)
     * @param y the labels, 0 or 1
     * @return the fitted model
     * @throws IllegalArgumentException on bad input (see the class documentation)
     * @throws IllegalStateException    if the fit does not converge
     */
    public LogisticModel fit(double[][] x, int[] y) {
        return fit(x, y, null);
    }

    /**
     * Fits with instance weights.
     *
     * @param x       the rows (n × p, rectangular)
     * @param y       the labels, 0 or 1
     * @param weights the instance weights (finite, {@code >= 0}, not all 0), or null for unit weights
     * @return the fitted model
     * @throws IllegalArgumentException on bad input (see the class documentation)
     * @throws IllegalStateException    if the fit does not converge
     */
    public LogisticModel fit(double[][] x, int[] y, double[] weights) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        int n = x.length;
        if (y.length != n) {
            throw new IllegalArgumentException("y has " + y.length + " rows but x has " + n);
        }
        if (weights != null && weights.length != n) {
            throw new IllegalArgumentException("weights has " + weights.length + " rows but x has " + n);
        }
        if (n == 0) {
            throw new IllegalArgumentException("x: no rows to fit");
        }
        int p = x[0].length;
        double[] w = new double[n];
        double totalWeight = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] == null || x[i].length != p) {
                throw new IllegalArgumentException("x row " + i + " has " + (x[i] == null ? "no"
                        : String.valueOf(x[i].length)) + " values, row 0 has " + p);
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("x row " + i + ", column " + j + " is " + x[i][j]);
                }
            }
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("y at row " + i + " is " + y[i] + ": labels must be 0 or 1");
            }
            double wi = weights == null ? 1.0 : weights[i];
            if (!(wi >= 0) || Double.isInfinite(wi)) {
                throw new IllegalArgumentException("weights at row " + i + " is " + wi
                        + ": weights must be finite and >= 0");
            }
            w[i] = wi;
            totalWeight += wi;
        }
        if (!(totalWeight > 0)) {
            throw new IllegalArgumentException("weights: every weight is 0");
        }
        return newton(x, y, w, p, totalWeight);
    }

    private LogisticModel newton(double[][] x, int[] y, double[] w, int p, double totalWeight) {
        int n = x.length;
        int d = p + 1;
        double[] beta = new double[d];
        // Start from the intercept-only solution (exact when X carries no information).
        double wy = 0;
        for (int i = 0; i < n; i++) {
            wy += w[i] * y[i];
        }
        double base = wy / totalWeight;
        if (base > 0 && base < 1) {
            beta[0] = Math.log(base / (1 - base));
        }
        double[] eta = new double[n];
        linear(x, beta, eta);
        double obj = objective(y, w, beta, eta);
        double[] grad = new double[d];
        double[] hess = new double[d * d];
        double[] step = new double[d];
        double[] trial = new double[d];
        double[] trialEta = new double[n];
        double threshold = tolerance * Math.max(1.0, totalWeight);
        for (int iter = 0; ; iter++) {
            gradientAndHessian(x, y, w, beta, eta, grad, hess);
            double gnorm = maxAbs(grad);
            if (gnorm <= threshold) {
                return finish(beta, iter, gnorm, obj, y, w, eta);
            }
            if (iter >= maxIterations) {
                throw new IllegalStateException("logistic regression did not converge in " + maxIterations
                        + " iterations (gradient " + gnorm + " > " + threshold + ")"
                        + (l2 == 0 ? "; the classes may be separable: use an L2 penalty > 0" : ""));
            }
            Cholesky chol = Cholesky.of(hess, d);
            if (!chol.isFullRank()) {
                throw new IllegalStateException("logistic regression: the Hessian is singular"
                        + (l2 == 0 ? " (collinear columns or separable classes): use an L2 penalty > 0"
                        : " (numerically; rescale the columns)"));
            }
            System.arraycopy(grad, 0, step, 0, d);
            chol.solveInPlace(step, 0);
            double slope = 0;
            for (int j = 0; j < d; j++) {
                slope += grad[j] * step[j];
            }
            double t = 1.0;
            double trialObj;
            // Armijo backtracking. Near the optimum the objective changes by less than its rounding
            // error, so a full step that does not increase it beyond rounding is accepted.
            double allowance = 1e-13 * Math.abs(obj);
            while (true) {
                for (int j = 0; j < d; j++) {
                    trial[j] = beta[j] - t * step[j];
                }
                linear(x, trial, trialEta);
                trialObj = objective(y, w, trial, trialEta);
                if (trialObj <= obj - 1e-4 * t * slope + allowance) {
                    break;
                }
                t *= 0.5;
                if (t < 1e-12) {
                    throw new IllegalStateException("logistic regression: the line search found no descent "
                            + "(gradient " + gnorm + "); the columns may be badly scaled");
                }
            }
            double moved = 0;
            double size = 0;
            for (int j = 0; j < d; j++) {
                moved = Math.max(moved, Math.abs(trial[j] - beta[j]));
                size = Math.max(size, Math.abs(trial[j]));
            }
            System.arraycopy(trial, 0, beta, 0, d);
            System.arraycopy(trialEta, 0, eta, 0, n);
            obj = trialObj;
            if (moved <= 1e-15 * (1 + size)) {
                // Stalled at rounding level: no smaller gradient is representable.
                gradientAndHessian(x, y, w, beta, eta, grad, hess);
                return finish(beta, iter + 1, maxAbs(grad), obj, y, w, eta);
            }
        }
    }

    private LogisticModel finish(double[] beta, int iterations, double gnorm, double obj, int[] y, double[] w,
                                 double[] eta) {
        if (l2 == 0) {
            boolean separated = true;
            for (int i = 0; i < eta.length && separated; i++) {
                if (w[i] > 0) {
                    separated = y[i] == 1 ? eta[i] > 0 : eta[i] < 0;
                }
            }
            if (separated) {
                throw new IllegalStateException("logistic regression: the classes are linearly separable, so "
                        + "the unpenalized maximum-likelihood estimate does not exist (the coefficients grow "
                        + "without bound); use an L2 penalty > 0");
            }
        }
        return new LogisticModel(beta[0], java.util.Arrays.copyOfRange(beta, 1, beta.length), l2, iterations,
                gnorm, obj);
    }

    private static void linear(double[][] x, double[] beta, double[] eta) {
        int p = beta.length - 1;
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            double s = beta[0];
            for (int j = 0; j < p; j++) {
                s += row[j] * beta[j + 1];
            }
            eta[i] = s;
        }
    }

    private double objective(int[] y, double[] w, double[] beta, double[] eta) {
        double loss = 0;
        for (int i = 0; i < eta.length; i++) {
            if (w[i] != 0) {
                loss += w[i] * (softplus(eta[i]) - y[i] * eta[i]);
            }
        }
        double pen = 0;
        for (int j = 1; j < beta.length; j++) {
            pen += beta[j] * beta[j];
        }
        return loss + 0.5 * l2 * pen;
    }

    /** log(1 + e^t) without overflow. */
    static double softplus(double t) {
        return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
    }

    private void gradientAndHessian(double[][] x, int[] y, double[] w, double[] beta, double[] eta,
                                    double[] grad, double[] hess) {
        int d = beta.length;
        int p = d - 1;
        java.util.Arrays.fill(grad, 0);
        java.util.Arrays.fill(hess, 0);
        for (int i = 0; i < x.length; i++) {
            double wi = w[i];
            if (wi == 0) {
                continue;
            }
            double pi = LogisticModel.sigmoid(eta[i]);
            double r = wi * (pi - y[i]);
            double h = wi * pi * (1 - pi);
            double[] row = x[i];
            grad[0] += r;
            hess[0] += h;
            for (int a = 0; a < p; a++) {
                double ha = h * row[a];
                if (ha == 0) {
                    continue;
                }
                grad[a + 1] += r * row[a];
                int off = (a + 1) * d;
                hess[off] += ha;
                for (int b = 0; b <= a; b++) {
                    hess[off + b + 1] += ha * row[b];
                }
            }
            if (h == 0) {
                for (int a = 0; a < p; a++) {
                    grad[a + 1] += r * row[a];
                }
            }
        }
        for (int j = 1; j < d; j++) {
            grad[j] += l2 * beta[j];
            hess[j * d + j] += l2;
        }
        // Mirror the lower triangle.
        for (int a = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++) {
                hess[a * d + b] = hess[b * d + a];
            }
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }

    @Override
    public String toString() {
        return "WeightedLogisticRegression(l2=" + l2 + ", tolerance=" + tolerance + ", maxIterations="
                + maxIterations + ")";
    }
}
