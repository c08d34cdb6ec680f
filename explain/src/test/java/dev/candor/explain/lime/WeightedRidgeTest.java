package dev.candor.explain.lime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class WeightedRidgeTest {

    private static WeightedRidge.Moments dense(double[][] x, double[] y, double[] w) {
        WeightedRidge.Moments mo = new WeightedRidge.Moments(x[0].clone(), y[0]);
        double[] d = new double[x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d.length; j++) {
                d[j] = x[i][j] - x[0][j];
            }
            mo.addDense(d, y[i], w[i]);
        }
        mo.symmetrize();
        return mo;
    }

    @Test
    void oneFeatureByHand() {
        // x = (0, 1, 2), y = (1, 3, 2), w = (1, 1, 2), alpha = 1:
        // W = 4, xbar = 5/4, ybar = 2, Sxx = 11/4, Sxy = 1, beta = Sxy / (Sxx + 1) = 4/15,
        // b = ybar - xbar beta = 5/3; yhat = (5/3, 29/15, 11/5); weighted RSS = 1*(2/3)^2 +
        // 1*(16/15)^2 + 2*(1/5)^2 = 0.444.. + 1.1377.. + 0.08 = 1.662222..; TSS = 1 + 1 + 0 = 2;
        // R^2 = 1 - 1.6622222/2 = 0.1688888...
        WeightedRidge.Fit f = WeightedRidge.fit(dense(new double[][] {{0}, {1}, {2}}, new double[] {1, 3, 2},
                new double[] {1, 1, 2}), new int[] {0}, 1.0);
        assertThat(f.coef()[0]).isCloseTo(4.0 / 15, within(1e-15));
        assertThat(f.intercept()).isCloseTo(5.0 / 3, within(1e-15));
        assertThat(f.score()).isCloseTo(1 - (4.0 / 9 + 256.0 / 225 + 2 * 1.0 / 25) / 2, within(1e-15));
        assertThat(f.atShift()).isCloseTo(5.0 / 3, within(1e-15));
    }

    @Test
    void agreesWithTheNormalEquationsOfTheAugmentedProblem() {
        // Independent closed form: theta = (A' W A + diag(0, a, .., a))^-1 A' W y with A = [1 X],
        // solved by Commons Math LU, for dense and for binary (sparse) accumulation.
        SplittableRandom rng = new SplittableRandom(3);
        int n = 40;
        int p = 4;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = i == 0 ? 1 : (rng.nextDouble() < 0.6 ? 1 : 0);
            }
            y[i] = rng.nextDouble();
            w[i] = 0.1 + rng.nextDouble();
        }
        for (double alpha : new double[] {1.0, 0.01}) {
            RealMatrix a = new Array2DRowRealMatrix(p + 1, p + 1);
            RealVector rhs = new ArrayRealVector(p + 1);
            for (int i = 0; i < n; i++) {
                double[] row = new double[p + 1];
                row[0] = 1;
                System.arraycopy(x[i], 0, row, 1, p);
                for (int r = 0; r <= p; r++) {
                    rhs.addToEntry(r, w[i] * row[r] * y[i]);
                    for (int s = 0; s <= p; s++) {
                        a.addToEntry(r, s, w[i] * row[r] * row[s]);
                    }
                }
            }
            for (int r = 1; r <= p; r++) {
                a.addToEntry(r, r, alpha);
            }
            RealVector theta = new LUDecomposition(a).getSolver().solve(rhs);
            double sw = 0;
            double ybar = 0;
            for (int i = 0; i < n; i++) {
                sw += w[i];
                ybar += w[i] * y[i];
            }
            ybar /= sw;
            double rss = 0;
            double tss = 0;
            for (int i = 0; i < n; i++) {
                double yhat = theta.getEntry(0);
                for (int j = 0; j < p; j++) {
                    yhat += theta.getEntry(j + 1) * x[i][j];
                }
                rss += w[i] * (y[i] - yhat) * (y[i] - yhat);
                tss += w[i] * (y[i] - ybar) * (y[i] - ybar);
            }
            WeightedRidge.Moments sparse = new WeightedRidge.Moments(new double[] {1, 1, 1, 1}, y[0]);
            for (int i = 0; i < n; i++) {
                int[] idx = new int[p];
                int c = 0;
                for (int j = 0; j < p; j++) {
                    if (x[i][j] == 0) {
                        idx[c++] = j;
                    }
                }
                sparse.addMinusOnes(idx, 0, c, y[i], w[i]);
            }
            sparse.symmetrize();
            for (WeightedRidge.Moments mo : new WeightedRidge.Moments[] {dense(x, y, w), sparse}) {
                WeightedRidge.Fit f = WeightedRidge.fit(mo, new int[] {0, 1, 2, 3}, alpha);
                assertThat(f.intercept()).isCloseTo(theta.getEntry(0), within(1e-12));
                for (int j = 0; j < p; j++) {
                    assertThat(f.coef()[j]).isCloseTo(theta.getEntry(j + 1), within(1e-12));
                }
                assertThat(f.score()).isCloseTo(1 - rss / tss, within(1e-12));
            }
        }
    }

    @Test
    void aConstantColumnGetsZeroWithoutPenaltyAndWithIt() {
        double[][] x = {{1, 1, 0.5}, {1, 0, 0.1}, {1, 1, 0.9}, {1, 0, 0.3}, {1, 1, 0.2}};
        double[] y = {1, 2, 0.5, 3, 1.5};
        double[] w = {1, 2, 1, 0.5, 1};
        WeightedRidge.Moments mo = dense(x, y, w);
        for (double alpha : new double[] {0, 1}) {
            WeightedRidge.Fit all = WeightedRidge.fit(mo, new int[] {0, 1, 2}, alpha);
            WeightedRidge.Fit two = WeightedRidge.fit(mo, new int[] {1, 2}, alpha);
            assertThat(all.coef()[0]).isEqualTo(0.0);
            assertThat(all.coef()[1]).isCloseTo(two.coef()[0], within(1e-12));
            assertThat(all.score()).isCloseTo(two.score(), within(1e-12));
        }
    }

    @Test
    void constantOutputHasAnUndefinedScore() {
        WeightedRidge.Fit f = WeightedRidge.fit(dense(new double[][] {{0}, {1}, {2}}, new double[] {2, 2, 2},
                new double[] {1, 1, 1}), new int[] {0}, 1.0);
        assertThat(f.score()).isNaN();
        assertThat(f.coef()[0]).isEqualTo(0.0);
        assertThat(f.intercept()).isEqualTo(2.0);
    }

    @Test
    void bitSetAccumulationEqualsRowByRowAccumulation() {
        SplittableRandom rng = new SplittableRandom(17);
        int n = 1000;
        int m = 7;
        int[] idx = new int[n * m];
        int[] start = new int[n + 1];
        double[] y = new double[n];
        double[] kernel = new double[m + 1];
        for (int d = 0; d <= m; d++) {
            kernel[d] = Math.sqrt(Math.exp(-d / 3.0));
        }
        int c = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (i > 0 && rng.nextDouble() < 0.35) {
                    idx[c++] = j;
                }
            }
            start[i + 1] = c;
            y[i] = rng.nextDouble();
        }
        double[] ones = new double[m];
        java.util.Arrays.fill(ones, 1.0);
        WeightedRidge.Moments rows = new WeightedRidge.Moments(ones, y[0]);
        for (int i = 0; i < n; i++) {
            rows.addMinusOnes(idx, start[i], start[i + 1], y[i], kernel[start[i + 1] - start[i]]);
        }
        WeightedRidge.Moments bits = new WeightedRidge.Moments(ones, y[0]);
        bits.addBinaryRows(idx, start, n, y, kernel);
        rows.symmetrize();
        bits.symmetrize();
        assertThat(bits.sw).isCloseTo(rows.sw, within(1e-9));
        assertThat(bits.sy).isCloseTo(rows.sy, within(1e-9));
        assertThat(bits.syy).isCloseTo(rows.syy, within(1e-9));
        for (int j = 0; j < m; j++) {
            assertThat(bits.sx[j]).isCloseTo(rows.sx[j], within(1e-9));
            assertThat(bits.sxy[j]).isCloseTo(rows.sxy[j], within(1e-9));
        }
        for (int k = 0; k < m * m; k++) {
            assertThat(bits.g[k]).isCloseTo(rows.g[k], within(1e-9));
        }
    }
}
