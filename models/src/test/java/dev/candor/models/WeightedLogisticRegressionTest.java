package dev.candor.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightedLogisticRegressionTest {

    private static double logit(double q) {
        return Math.log(q / (1 - q));
    }

    @Test
    void oneBinaryFeatureWithoutPenaltyHasTheClosedFormSolution() {
        // With one 0/1 column and no penalty the MLE reproduces the weighted class proportions of each
        // column value: intercept = logit(q0), slope = logit(q1) - logit(q0), where
        // q_v = sum(w * y * [x = v]) / sum(w * [x = v]).
        double[][] x = {{0}, {0}, {0}, {1}, {1}, {1}, {1}};
        int[] y = {1, 0, 0, 1, 1, 0, 1};
        double[] w = {0.5, 1.25, 0.75, 2.0, 0.3, 1.1, 0.9};
        double q0 = 0.5 / (0.5 + 1.25 + 0.75);
        double q1 = (2.0 + 0.3 + 0.9) / (2.0 + 0.3 + 1.1 + 0.9);
        LogisticModel m = WeightedLogisticRegression.withDefaults().withL2(0).fit(x, y, w);
        assertThat(m.intercept()).isCloseTo(logit(q0), within(1e-10));
        assertThat(m.coefficients()[0]).isCloseTo(logit(q1) - logit(q0), within(1e-10));
        assertThat(m.probability(new double[] {1})).isCloseTo(q1, within(1e-12));
    }

    @Test
    void matchesScikitLearnOnASmallWeightedProblem() {
        // Reference: scikit-learn 1.2.1 (Debian python3-sklearn), newton-cholesky solver, tol 1e-14:
        //   X = <the rows below>; y = <labels>; w = <weights>
        //   for C in (1.0, 0.25):
        //       m = LogisticRegression(C=C, solver='newton-cholesky', tol=1e-14, max_iter=1000)
        //       m.fit(X, y, sample_weight=w); print(repr(m.intercept_[0]), [repr(v) for v in m.coef_[0]])
        // printed
        //   C=1.0:  0.21641790749320142 [1.2656940734276576, -0.7992958503914617, 0.15479986789058062]
        //   C=0.25: 0.22592876440043605 [0.6727597886003106, -0.4135141630381689, 0.04015918991847342]
        // (lbfgs at tol 1e-14 agrees with these to about 5e-6 only.)
        double[][] x = {{0.5, -1.2, 1}, {1.5, 0.3, 0}, {-0.7, 2.1, 1}, {0.0, 0.0, 0}, {2.2, -0.4, 1},
            {-1.1, -0.9, 0}, {0.9, 1.7, 1}, {-2.0, 0.5, 0}, {1.2, -1.5, 0}, {-0.3, 0.8, 1}, {0.4, 0.4, 1},
            {-1.6, -2.2, 0}};
        int[] y = {1, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 1};
        double[] w = {0.9679358717434869, 1.0837696335078535, 1.0796019900497513, 0.8532110091743119, 2.5, 0.25,
            1.0, 1.0, 0.5, 3.0, 1.75, 0.6};
        LogisticModel c1 = WeightedLogisticRegression.withDefaults().fit(x, y, w);
        assertThat(c1.intercept()).isCloseTo(0.21641790749320142, within(1e-9));
        assertThat(c1.coefficients()).containsExactly(
                new double[] {1.2656940734276576, -0.7992958503914617, 0.15479986789058062}, within(1e-9));
        LogisticModel c4 = WeightedLogisticRegression.withDefaults().withL2(1 / 0.25).fit(x, y, w);
        assertThat(c4.intercept()).isCloseTo(0.22592876440043605, within(1e-9));
        assertThat(c4.coefficients()).containsExactly(
                new double[] {0.6727597886003106, -0.4135141630381689, 0.04015918991847342}, within(1e-9));
    }

    @Test
    void interceptIsNotPenalized() {
        // A constant-zero column carries no information: the intercept alone fits the weighted base
        // rate exactly, whatever the penalty: intercept = logit(sum(w y) / sum(w)).
        double[][] x = {{0}, {0}, {0}, {0}};
        int[] y = {1, 1, 0, 1};
        double[] w = {0.2, 0.7, 1.5, 0.1};
        LogisticModel m = WeightedLogisticRegression.withDefaults().withL2(10).fit(x, y, w);
        assertThat(m.intercept()).isCloseTo(logit(1.0 / 2.5), within(1e-12));
        assertThat(m.coefficients()[0]).isEqualTo(0.0);
    }

    @Test
    void gradientOfTheObjectiveVanishesAtTheSolution() {
        Random r = new Random(11);
        int n = 400;
        int p = 5;
        double[][] x = new double[n][p];
        int[] y = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double eta = -0.3;
            for (int j = 0; j < p; j++) {
                x[i][j] = r.nextGaussian();
                eta += (j - 2) * 0.7 * x[i][j];
            }
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            w[i] = 0.1 + 2 * r.nextDouble();
        }
        double lambda = 0.5;
        LogisticModel m = WeightedLogisticRegression.withDefaults().withL2(lambda).fit(x, y, w);
        // Independent gradient: d/d b0 = sum w (p - y); d/d bj = sum w (p - y) x_j + lambda b_j.
        double[] g = new double[p + 1];
        double[] b = m.coefficients();
        for (int i = 0; i < n; i++) {
            double eta = m.intercept();
            for (int j = 0; j < p; j++) {
                eta += b[j] * x[i][j];
            }
            double res = w[i] * (1 / (1 + Math.exp(-eta)) - y[i]);
            g[0] += res;
            for (int j = 0; j < p; j++) {
                g[j + 1] += res * x[i][j];
            }
        }
        for (int j = 0; j < p; j++) {
            g[j + 1] += lambda * b[j];
        }
        for (double gj : g) {
            assertThat(gj).isCloseTo(0.0, within(1e-9));
        }
        assertThat(m.gradientNorm()).isLessThan(1e-7);
        assertThat(m.iterations()).isBetween(1, 20);
        // A perturbed solution has a larger objective (it is the minimum).
        assertThat(m.l2()).isEqualTo(lambda);
    }

    @Test
    void collinearOneHotColumnsAreFineWithAPenaltyAndRefusedWithout() {
        // Full one-hot of a 3-level factor plus the intercept: rank deficient without a penalty.
        double[][] x = {{1, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}};
        int[] y = {1, 0, 1, 1, 0, 0};
        LogisticModel m = WeightedLogisticRegression.withDefaults().fit(x, y);
        assertThat(m.gradientNorm()).isLessThan(1e-9);
        // Symmetry: the penalty splits the level effects around the intercept with sum(b) = 0 by the
        // first-order condition sum_j d/d b_j = d/d b0 (every row has exactly one 1) => lambda sum(b) = 0.
        double[] b = m.coefficients();
        assertThat(b[0] + b[1] + b[2]).isCloseTo(0.0, within(1e-9));
        assertThatThrownBy(() -> WeightedLogisticRegression.withDefaults().withL2(0).fit(x, y))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("singular");
    }

    @Test
    void separableClassesWithoutPenaltyDoNotConverge() {
        double[][] x = {{-2}, {-1}, {1}, {2}};
        int[] y = {0, 0, 1, 1};
        assertThatThrownBy(() -> WeightedLogisticRegression.withDefaults().withL2(0).withMaxIterations(50).fit(x, y))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("separable");
        assertThat(WeightedLogisticRegression.withDefaults().fit(x, y).coefficients()[0]).isPositive();
    }

    @Test
    void zeroWeightRowsAreIgnored() {
        double[][] x = {{0.5, 1}, {-1, 2}, {2, -1}, {0.3, 0.3}, {9, 9}};
        int[] y = {1, 0, 1, 0, 0};
        LogisticModel with = WeightedLogisticRegression.withDefaults().fit(x, y, new double[] {1, 2, 0.5, 1, 0});
        LogisticModel without = WeightedLogisticRegression.withDefaults()
                .fit(new double[][] {x[0], x[1], x[2], x[3]}, new int[] {1, 0, 1, 0}, new double[] {1, 2, 0.5, 1});
        assertThat(with.intercept()).isCloseTo(without.intercept(), within(1e-12));
        assertThat(with.coefficients()).containsExactly(without.coefficients(), within(1e-12));
    }

    @Test
    void badInputIsNamed() {
        WeightedLogisticRegression lr = WeightedLogisticRegression.withDefaults();
        assertThatThrownBy(() -> lr.fit(new double[][] {{1}, {Double.NaN}}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x row 1, column 0 is NaN");
        assertThatThrownBy(() -> lr.fit(new double[][] {{1}, {2}}, new int[] {0, 2}))
                .hasMessageContaining("y at row 1 is 2");
        assertThatThrownBy(() -> lr.fit(new double[][] {{1}, {2}}, new int[] {0}))
                .hasMessageContaining("y has 1 rows but x has 2");
        assertThatThrownBy(() -> lr.fit(new double[][] {{1}, {2, 3}}, new int[] {0, 1}))
                .hasMessageContaining("x row 1 has 2 values, row 0 has 1");
        assertThatThrownBy(() -> lr.fit(new double[][] {{1}, {2}}, new int[] {0, 1}, new double[] {1, -0.5}))
                .hasMessageContaining("weights at row 1 is -0.5");
        assertThatThrownBy(() -> lr.fit(new double[][] {{1}, {2}}, new int[] {0, 1}, new double[] {0, 0}))
                .hasMessageContaining("every weight is 0");
        assertThatThrownBy(() -> lr.withL2(-1)).hasMessageContaining("l2 must be finite and >= 0");
        assertThatThrownBy(() -> lr.fit(new double[][] {{1}, {2}}, new int[] {0, 1}).decision(new double[2]))
                .hasMessageContaining("row has 2 values, the model expects 1");
    }
}
