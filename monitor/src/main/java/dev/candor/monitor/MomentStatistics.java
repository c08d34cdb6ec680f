package dev.candor.monitor;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Statistics built from sample moments: Student's and Welch's t-tests (scipy {@code ttest_ind}),
 * the population standard deviation used to norm the Wasserstein distance, and the Epps–Singleton
 * test (scipy {@code epps_singleton_2samp} with {@code t = (0.4, 0.8)}).
 *
 * <p>Reference for Epps–Singleton: T. W. Epps, K. J. Singleton, "An omnibus test for the two-sample
 * problem using the empirical characteristic function", J. Stat. Comput. Simul. 26, 1986,
 * doi:10.1080/00949658608810963.
 */
final class MomentStatistics {

    private static final double[] ES_T = {0.4, 0.8};

    private MomentStatistics() {
    }

    static double mean(double[] x) {
        return NumpySum.sum(x) / x.length;
    }

    /** Sum of squared deviations from the (numpy) mean. */
    static double sumSquares(double[] x, double mean) {
        double[] sq = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - mean;
            sq[i] = d * d;
        }
        return NumpySum.sum(sq);
    }

    /** Population standard deviation (ddof 0). */
    static double stdPopulation(double[] x) {
        double m = mean(x);
        return Math.sqrt(sumSquares(x, m) / x.length);
    }

    /**
     * @return {t, p, df}, or {@code null} when both samples are constant (zero pooled variance)
     */
    static double[] tTest(double[] a, double[] b, boolean welch) {
        int n1 = a.length;
        int n2 = b.length;
        double m1 = mean(a);
        double m2 = mean(b);
        return tTest(n1, m1, n1 > 1 ? sumSquares(a, m1) : Double.NaN, n2, m2, n2 > 1 ? sumSquares(b, m2) : Double.NaN,
                welch);
    }

    /**
     * The t-test from each sample's size, mean and sum of squared deviations (Welford's {@code M2}),
     * so a profile gives the same test as its raw values; with weights, n is the sum of weights
     * (statsmodels' {@code DescrStatsW} convention).
     *
     * @return {t, p, df}, or {@code null} when the (pooled) variance is zero
     */
    static double[] tTest(double n1, double m1, double ss1, double n2, double m2, double ss2, boolean welch) {
        double v1 = n1 > 1 ? ss1 / (n1 - 1) : Double.NaN;
        double v2 = n2 > 1 ? ss2 / (n2 - 1) : Double.NaN;
        double df;
        double denom;
        if (welch) {
            double vn1 = v1 / n1;
            double vn2 = v2 / n2;
            df = (vn1 + vn2) * (vn1 + vn2) / (vn1 * vn1 / (n1 - 1) + vn2 * vn2 / (n2 - 1));
            denom = Math.sqrt(vn1 + vn2);
        } else {
            df = n1 + n2 - 2.0;
            double svar = ((n1 - 1) * v1 + (n2 - 1) * v2) / df;
            denom = Math.sqrt(svar * (1.0 / n1 + 1.0 / n2));
        }
        if (!(denom > 0)) {
            return null;
        }
        double t = (m1 - m2) / denom;
        return new double[] {t, Special.studentTwoSided(t, df), df};
    }

    /** numpy's default (linear) percentile of a sorted array, q in [0, 100]. */
    static double percentile(double[] sorted, double q) {
        double virtual = q / 100 * (sorted.length - 1);
        int prev = (int) Math.floor(virtual);
        int next = Math.min(prev + 1, sorted.length - 1);
        double gamma = virtual - prev;
        double a = sorted[prev];
        double b = sorted[next];
        double diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }

    /** Result of {@link #eppsSingleton}: W, p, the pooled IQR and the chi-square degrees of freedom. */
    record EppsSingleton(double w, double p, double iqr, int rank) {
    }

    /**
     * @param pooledSorted both samples merged, ascending
     * @return the test, or {@code null} when the pooled interquartile range is zero
     */
    static EppsSingleton eppsSingleton(double[] x, double[] y, double[] pooledSorted) {
        double iqr = percentile(pooledSorted, 75) - percentile(pooledSorted, 25);
        if (iqr == 0) {
            return null;
        }
        int nx = x.length;
        int ny = y.length;
        double n = nx + ny;
        double sigma = iqr / 2;
        double[] ts = {ES_T[0] / sigma, ES_T[1] / sigma};
        double[][] gx = features(x, ts);
        double[][] gy = features(y, ts);
        double[] mx = new double[4];
        double[] my = new double[4];
        for (int r = 0; r < 4; r++) {
            mx[r] = NumpySum.sum(gx[r]) / nx;
            my[r] = NumpySum.sum(gy[r]) / ny;
        }
        double[][] cov = new double[4][4];
        addCovariance(cov, gx, mx, n / nx);
        addCovariance(cov, gy, my, n / ny);
        RealMatrix m = new Array2DRowRealMatrix(cov, false);
        SingularValueDecomposition svd = new SingularValueDecomposition(m);
        double[] s = svd.getSingularValues();
        double smax = s[0];
        double cutoff = 1e-15 * smax;
        double[] sinv = new double[4];
        for (int i = 0; i < 4; i++) {
            sinv[i] = s[i] > cutoff ? 1.0 / s[i] : 0.0;
        }
        RealMatrix u = svd.getU();
        RealMatrix v = svd.getV();
        double[][] inv = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double acc = 0;
                for (int l = 0; l < 4; l++) {
                    acc += v.getEntry(i, l) * sinv[l] * u.getEntry(j, l);
                }
                inv[i][j] = acc;
            }
        }
        double[] sInv = new SingularValueDecomposition(new Array2DRowRealMatrix(inv, false)).getSingularValues();
        double tol = sInv[0] * 4 * Math.ulp(1.0);
        int rank = 0;
        for (double sv : sInv) {
            if (sv > tol) {
                rank++;
            }
        }
        double[] gd = new double[4];
        for (int r = 0; r < 4; r++) {
            gd[r] = mx[r] - my[r];
        }
        double w = 0;
        for (int i = 0; i < 4; i++) {
            double acc = 0;
            for (int j = 0; j < 4; j++) {
                acc += inv[i][j] * gd[j];
            }
            w += gd[i] * acc;
        }
        w *= n;
        if (Math.max(nx, ny) < 25) {
            double corr = 1.0 / (1.0 + Math.pow(n, -0.45) + 10.1 * (Math.pow(nx, -1.7) + Math.pow(ny, -1.7)));
            w = corr * w;
        }
        return new EppsSingleton(w, Special.chi2Sf(w, rank), iqr, rank);
    }

    private static double[][] features(double[] x, double[] ts) {
        double[][] g = new double[4][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < 2; k++) {
                double arg = ts[k] * x[i];
                g[k][i] = Math.cos(arg);
                g[k + 2][i] = Math.sin(arg);
            }
        }
        return g;
    }

    private static void addCovariance(double[][] cov, double[][] g, double[] mean, double scale) {
        int len = g[0].length;
        double[][] c = new double[4][len];
        for (int r = 0; r < 4; r++) {
            for (int i = 0; i < len; i++) {
                c[r][i] = g[r][i] - mean[r];
            }
        }
        double[] prod = new double[len];
        for (int a = 0; a < 4; a++) {
            for (int b = a; b < 4; b++) {
                for (int i = 0; i < len; i++) {
                    prod[i] = c[a][i] * c[b][i];
                }
                double v = NumpySum.sum(prod) / len * scale;
                cov[a][b] += v;
                if (a != b) {
                    cov[b][a] += v;
                }
            }
        }
    }
}
