package dev.candor.explain.lime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.candor.explain.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * LIME in the reference's {@code mode='regression'}: {@code LimeTabularExplainer} explains the
 * predicted value itself (no class probability), with the same neighbourhood, kernel and weighted
 * ridge (alpha 1, intercept) as in classification. lime is not installed here, so the check is
 * independent: the neighbourhood LIME passes to the model is recorded, and the surrogate is
 * recomputed from it with the reference's formulas (lime_tabular.py: scaled data, Euclidean distance
 * to row 0, kernel √exp(−d²/w²) with w = 0.75·√M; lime_base.py: {@code Ridge(alpha=1,
 * fit_intercept=True).fit(X, y, sample_weight=weights)}, score on the same data, local prediction at
 * row 0) as a weighted least-squares closed form solved here by Gaussian elimination.
 */
class LimeRegressionModeTest {

    private static final double[] COEF = {2.0, -0.3, 4.0};
    private static final double INTERCEPT = 10.0;

    /** A linear regressor whose outputs run far outside [0, 1]. */
    private static double f(double[] r) {
        return INTERCEPT + COEF[0] * r[0] + COEF[1] * r[1] + COEF[2] * r[2];
    }

    private static double[][] training() {
        SplittableRandom rnd = new SplittableRandom(21);
        double[][] t = new double[400][];
        for (int i = 0; i < t.length; i++) {
            t[i] = new double[] {5 + 2 * rnd.nextGaussian(), rnd.nextDouble(0, 100), -3 + 0.5 * rnd.nextGaussian()};
        }
        return t;
    }

    /** Wraps the regressor and keeps a copy of every row it is asked about. */
    private static final class Recording implements Model {
        final List<double[]> rows = new ArrayList<>();

        @Override
        public synchronized double[] predict(double[][] batch) {
            double[] out = new double[batch.length];
            for (int i = 0; i < batch.length; i++) {
                rows.add(batch[i].clone());
                out[i] = f(batch[i]);
            }
            return out;
        }
    }

    @Test
    void continuousModeMatchesTheWeightedRidgeClosedFormAndRecoversCoefficientTimesScale() {
        double[][] train = training();
        double[] x = {6.5, 20, -2.4};
        Recording model = new Recording();
        LimeTabular lime = LimeTabular.builder(model, train).discretization(Discretization.NONE).numSamples(5000)
                .seed(3).threads(1).build();
        LimeExplanation e = lime.explain(x);
        assertEquals(0.75 * Math.sqrt(3), lime.kernelWidth(), 1e-15);

        double[] mean = new double[3];
        double[] sd = new double[3];
        for (int j = 0; j < 3; j++) {
            for (double[] r : train) {
                mean[j] += r[j] / train.length;
            }
            for (double[] r : train) {
                sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / train.length;
            }
            sd[j] = Math.sqrt(sd[j]);
        }
        int n = model.rows.size();
        assertEquals(5000, n);
        double[][] z = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                z[i][j] = (model.rows.get(i)[j] - mean[j]) / sd[j];
            }
            y[i] = f(model.rows.get(i));
        }
        Ridge ref = Ridge.fit(z, y, kernel(z, lime.kernelWidth()));
        for (int j = 0; j < 3; j++) {
            assertEquals(ref.beta[j], e.weights()[j], 1e-9 * Math.max(1, Math.abs(ref.beta[j])), "weight " + j);
            // f is linear in the scaled value (x − μ)/σ with slope coef·σ; ridge alpha 1 shrinks it by the factor
            // (C + I)⁻¹C of the weighted covariance C of the neighbourhood: about 0.1% here
            assertEquals(COEF[j] * sd[j], e.weights()[j], 5e-3 * Math.abs(COEF[j] * sd[j]), "coef × scale " + j);
        }
        assertEquals(ref.intercept, e.intercept(), 1e-9 * Math.max(1, Math.abs(ref.intercept)));
        assertEquals(ref.score, e.score(), 1e-9);
        assertEquals(ref.predict(z[0]), e.localPrediction(), 1e-9 * Math.abs(f(x)));
        assertEquals(f(x), e.modelPrediction(), 1e-12);
    }

    @Test
    void quartileModeMatchesTheWeightedRidgeClosedFormOnTheBinIndicators() {
        double[][] train = training();
        double[] x = {3.1, 77, -3.2};
        Recording model = new Recording();
        LimeTabular lime = LimeTabular.builder(model, train).numSamples(4000).seed(9).threads(1).build();
        LimeExplanation e = lime.explain(x);
        Discretizer disc = lime.discretizer();
        int n = model.rows.size();
        double[][] z = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = model.rows.get(i);
            for (int j = 0; j < 3; j++) {
                z[i][j] = disc.bin(j, r[j]) == disc.bin(j, x[j]) ? 1 : 0;
            }
            y[i] = f(r);
        }
        for (int j = 0; j < 3; j++) {
            assertEquals(1.0, z[0][j], 0.0, "row 0 is the explained row");
        }
        double[] w = kernel(z, lime.kernelWidth());
        Ridge ref = Ridge.fit(z, y, w);
        for (int j = 0; j < 3; j++) {
            assertEquals(ref.beta[j], e.weights()[j], 1e-9 * Math.max(1, Math.abs(ref.beta[j])), "weight " + j);
        }
        assertEquals(ref.intercept, e.intercept(), 1e-9 * Math.max(1, Math.abs(ref.intercept)));
        assertEquals(ref.score, e.score(), 1e-9);
        assertEquals(ref.predict(z[0]), e.localPrediction(), 1e-9 * Math.max(1, Math.abs(f(x))));
    }

    /** √exp(−d²/w²) of the Euclidean distance of each row to row 0. */
    private static double[] kernel(double[][] z, double width) {
        double[] w = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            double d2 = 0;
            for (int j = 0; j < z[i].length; j++) {
                double d = z[i][j] - z[0][j];
                d2 += d * d;
            }
            w[i] = Math.sqrt(Math.exp(-d2 / (width * width)));
        }
        return w;
    }

    /** scikit-learn's Ridge(alpha=1) with an unpenalized intercept and sample weights, in closed form. */
    private record Ridge(double[] beta, double intercept, double score) {

        static Ridge fit(double[][] x, double[] y, double[] w) {
            int n = y.length;
            int m = x[0].length;
            double sw = 0;
            double[] xm = new double[m];
            double ym = 0;
            for (int i = 0; i < n; i++) {
                sw += w[i];
                ym += w[i] * y[i];
                for (int j = 0; j < m; j++) {
                    xm[j] += w[i] * x[i][j];
                }
            }
            ym /= sw;
            for (int j = 0; j < m; j++) {
                xm[j] /= sw;
            }
            double[][] a = new double[m][m + 1];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double dj = x[i][j] - xm[j];
                    for (int k = 0; k < m; k++) {
                        a[j][k] += w[i] * dj * (x[i][k] - xm[k]);
                    }
                    a[j][m] += w[i] * dj * (y[i] - ym);
                }
            }
            for (int j = 0; j < m; j++) {
                a[j][j] += 1.0;
            }
            double[] beta = solve(a);
            double b0 = ym;
            for (int j = 0; j < m; j++) {
                b0 -= xm[j] * beta[j];
            }
            double ssRes = 0;
            double ssTot = 0;
            for (int i = 0; i < n; i++) {
                double p = b0;
                for (int j = 0; j < m; j++) {
                    p += beta[j] * x[i][j];
                }
                ssRes += w[i] * (y[i] - p) * (y[i] - p);
                ssTot += w[i] * (y[i] - ym) * (y[i] - ym);
            }
            return new Ridge(beta, b0, 1 - ssRes / ssTot);
        }

        double predict(double[] row) {
            double p = intercept;
            for (int j = 0; j < row.length; j++) {
                p += beta[j] * row[j];
            }
            return p;
        }

        /** Gaussian elimination with partial pivoting on an augmented m × (m + 1) matrix. */
        private static double[] solve(double[][] a) {
            int m = a.length;
            for (int c = 0; c < m; c++) {
                int p = c;
                for (int r = c + 1; r < m; r++) {
                    if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                        p = r;
                    }
                }
                double[] t = a[c];
                a[c] = a[p];
                a[p] = t;
                for (int r = c + 1; r < m; r++) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= m; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
            double[] b = new double[m];
            for (int r = m - 1; r >= 0; r--) {
                double s = a[r][m];
                for (int k = r + 1; k < m; k++) {
                    s -= a[r][k] * b[k];
                }
                b[r] = s / a[r][r];
            }
            return b;
        }
    }
}
