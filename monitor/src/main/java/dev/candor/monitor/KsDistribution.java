package dev.candor.monitor;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * p-values of the two-sample Kolmogorov–Smirnov statistic as scipy 1.10 computes them: the exact
 * distribution of the two-sample statistic for {@code max(n1, n2) <= 10,000}, and otherwise the
 * finite-n one-sample Kolmogorov distribution {@code kstwo.sf(D, round(n1 n2 / (n1 + n2)))}.
 *
 * <p>The asymptotic branch follows Simard and L'Ecuyer (2011) as scipy arranges it: Ruben–Gambino at
 * the ends, twice the exact one-sided Smirnov tail where it is accurate, the Durbin matrix
 * (Marsaglia–Tsang–Wang) for small {@code n x^1.5}, and the Pelz–Good series otherwise. The one-sided
 * Smirnov tail (Birnbaum–Tingey sum) is summed in 40-digit decimal arithmetic so that it is accurate
 * to the last bit of a double.
 *
 * <p>References: R. Simard, P. L'Ecuyer, "Computing the Two-Sided Kolmogorov-Smirnov Distribution",
 * J. Stat. Software 39(11), 2011, doi:10.18637/jss.v039.i11; G. Marsaglia, W. W. Tsang, J. Wang,
 * "Evaluating Kolmogorov's Distribution", J. Stat. Software 8(18), 2003; J. L. Hodges, "The
 * significance probability of the Smirnov two-sample test", Ark. Mat. 3, 1958.
 */
final class KsDistribution {

    private static final double PI2 = Math.PI * Math.PI;
    private static final double PI4 = PI2 * PI2;
    private static final double PI6 = PI4 * PI2;
    private static final double SQRT2PI = Math.sqrt(2 * Math.PI);
    private static final double SQRT3 = Math.sqrt(3.0);
    private static final double MIN_LOG = -708.0;
    private static final MathContext MC = new MathContext(40);

    private KsDistribution() {
    }

    /** Exact {@code P(D >= h / lcm)} for two samples of sizes n1, n2 (scipy's two exact methods). */
    static double exactTwoSided(int n1, int n2, int g, long h) {
        if (n1 == n2) {
            return outsideSquare(n1, h);
        }
        return outerProbInside(n1, n2, g, h);
    }

    private static double outsideSquare(int n, long h) {
        double p = 0.0;
        long kMax = n / h;
        for (long k = kMax; k >= 0; k--) {
            double p1 = 1.0;
            for (long j = 0; j < h; j++) {
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            }
            p = p1 * (1.0 - p);
        }
        return 2 * p;
    }

    private static double outerProbInside(int m0, int n0, int g, long h) {
        int m = m0;
        int n = n0;
        if (m < n) {
            int t = m;
            m = n;
            n = t;
        }
        long mg = m / g;
        long ng = n / g;
        long minj = 0;
        long maxj = Math.min((long) Math.ceil(h / (double) mg), n + 1L);
        long curlen = maxj - minj;
        int len = (int) Math.min(2 * maxj + 2, n + 1L);
        double[] a = new double[len];
        java.util.Arrays.fill(a, 1.0);
        for (int i = 0; i < maxj; i++) {
            a[i] = 0.0;
        }
        for (long i = 1; i <= m; i++) {
            long lastminj = minj;
            long lastlen = curlen;
            minj = Math.min(Math.max((long) Math.floor((ng * i - h) / (double) mg) + 1, 0), n);
            maxj = Math.min((long) Math.ceil((ng * i + h) / (double) mg), n + 1L);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxj - minj; jj++) {
                long j = jj + minj;
                val = (a[(int) (jj + minj - lastminj)] * i + val * j) / (i + j);
                a[(int) jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                for (long q = curlen; q < lastlen; q++) {
                    a[(int) q] = 1.0;
                }
            }
        }
        return a[(int) (maxj - minj - 1)];
    }

    /** {@code kstwo.sf(x, n)}: the upper tail of the one-sample two-sided statistic. */
    static double kstwoSf(int n, double x) {
        if (x >= 1.0) {
            return 0.0;
        }
        if (x <= 0.0) {
            return 1.0;
        }
        double t = n * x;
        if (t <= 1.0) {
            if (t <= 0.5) {
                return 1.0;
            }
            double prob;
            if (n <= 140) {
                prob = 1.0;
                for (int i = 1; i <= n; i++) {
                    prob *= i * (1.0 / n) * (2 * t - n);
                }
            } else {
                prob = Math.exp(logNFactorialOverNPowN(n) + n * Math.log(2 * t - 1));
            }
            return clip(1.0 - prob);
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1.0 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * smirnov(n, x));
        }
        double nxSquared = t * x;
        if (n <= 140) {
            if (nxSquared <= 4) {
                // scipy uses Durbin below 0.754693 and Pomeranz up to 4: both are exact
                // algorithms for the same cdf, so the Durbin matrix serves the whole range.
                return clip(1.0 - durbin(n, x));
            }
            return clip(2 * smirnov(n, x));
        }
        if (nxSquared >= 370.0) {
            return 0.0;
        }
        if (nxSquared >= 2.2) {
            return clip(2 * smirnov(n, x));
        }
        double cdf;
        if (nxSquared >= 18.0) {
            cdf = 1.0;
        } else if (n <= 100000 && n * Math.pow(x, 1.5) <= 1.4) {
            cdf = durbin(n, x);
        } else {
            cdf = pelzGood(n, x);
        }
        return clip(1.0 - cdf);
    }

    private static double clip(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }

    private static double logNFactorialOverNPowN(int n) {
        // log(n!) - n log(n) via Stirling with correction terms (n > 140 here).
        double nf = n;
        return 0.5 * Math.log(2 * Math.PI * nf) - nf
                + (1.0 / 12 - (1.0 / 360 - 1.0 / (1260 * nf * nf)) / (nf * nf)) / nf;
    }

    /**
     * One-sided Smirnov upper tail {@code P(D+_n >= x)} by the Birnbaum–Tingey sum
     * {@code x Σ_{j<=n(1-x)} C(n,j) (x + j/n)^(j-1) (1 - x - j/n)^(n-j)}, in 40-digit arithmetic.
     */
    static double smirnov(int n, double x) {
        if (x <= 0) {
            return 1.0;
        }
        if (x >= 1) {
            return 0.0;
        }
        if (n > DECIMAL_MAX_N) {
            return smirnovLog(n, x);
        }
        BigDecimal bx = new BigDecimal(x);
        BigDecimal bn = BigDecimal.valueOf(n);
        int nn = (int) Math.floor(n * (1.0 - x));
        BigDecimal c = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal prevTerm = null;
        for (int v = 0; v <= nn; v++) {
            BigDecimal evn = bx.add(BigDecimal.valueOf(v).divide(bn, MC), MC);
            BigDecimal omevn = BigDecimal.ONE.subtract(evn, MC);
            if (omevn.signum() <= 0) {
                break;
            }
            BigDecimal term = c.multiply(omevn.pow(n - v, MC), MC);
            if (v == 0) {
                term = term.divide(evn, MC);
            } else if (v > 1) {
                term = term.multiply(evn.pow(v - 1, MC), MC);
            }
            sum = sum.add(term, MC);
            if (v >= 2 && prevTerm != null && term.compareTo(prevTerm) < 0 && sum.signum() > 0
                    && term.compareTo(sum.movePointLeft(30)) < 0) {
                break;
            }
            prevTerm = term;
            c = c.multiply(BigDecimal.valueOf(n - v), MC).divide(BigDecimal.valueOf(v + 1L), MC);
        }
        return sum.multiply(bx, MC).doubleValue();
    }

    /** Sizes above which the Birnbaum–Tingey terms are summed in double precision (log space). */
    private static final int DECIMAL_MAX_N = 20_000;

    /** The Birnbaum–Tingey sum with each term in log space (about 1e-11 relative for large n). */
    private static double smirnovLog(int n, double x) {
        int nn = (int) Math.floor(n * (1.0 - x));
        double lgn = org.apache.commons.math3.special.Gamma.logGamma(n + 1.0);
        double sum = 0;
        double prev = 0;
        for (int v = 0; v <= nn; v++) {
            double evn = x + (double) v / n;
            double omevn = 1.0 - evn;
            if (omevn <= 0) {
                break;
            }
            double t = lgn - org.apache.commons.math3.special.Gamma.logGamma(v + 1.0)
                    - org.apache.commons.math3.special.Gamma.logGamma(n - v + 1.0) + (v - 1) * Math.log(evn)
                    + (n - v) * Math.log(omevn);
            double term = t > -745 ? Math.exp(t) : 0.0;
            sum += term;
            if (v >= 2 && term < prev && term < sum * 1e-17) {
                break;
            }
            prev = term;
        }
        return sum * x;
    }

    /** Durbin's matrix method (Marsaglia–Tsang–Wang): {@code P(D_n <= d)}. */
    static double durbin(int n, double d) {
        double nd = n * d;
        if (nd <= 0.5) {
            return 0.0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[] v = new double[m];
        double[] w = new double[m];
        double fac = 1.0;
        for (int j = 1; j <= m; j++) {
            v[j - 1] = 1.0 - Math.pow(h, j);
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] *= fac;
        }
        double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;
        double[][] hm = new double[m][m];
        for (int i = 1; i < m; i++) {
            for (int r = i - 1; r < m; r++) {
                hm[r][i] = w[r - (i - 1)];
            }
        }
        for (int r = 0; r < m; r++) {
            hm[r][0] = v[r];
        }
        for (int c = 0; c < m; c++) {
            hm[m - 1][c] = v[m - 1 - c];
        }
        double[][] pw = identity(m);
        int nn = n;
        int expnt = 0;
        int hExpnt = 0;
        while (nn > 0) {
            if (nn % 2 == 1) {
                pw = multiply(pw, hm);
                expnt += hExpnt;
            }
            hm = multiply(hm, hm);
            hExpnt *= 2;
            if (Math.abs(hm[k - 1][k - 1]) > 0x1p128) {
                for (double[] row : hm) {
                    for (int c = 0; c < m; c++) {
                        row[c] /= 0x1p128;
                    }
                }
                hExpnt += 128;
            }
            nn /= 2;
        }
        double p = pw[k - 1][k - 1];
        for (int i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < 0x1p-128) {
                p *= 0x1p128;
                expnt -= 128;
            }
        }
        if (expnt != 0) {
            p = Math.scalb(p, expnt);
        }
        return clip(p);
    }

    private static double[][] identity(int m) {
        double[][] id = new double[m][m];
        for (int i = 0; i < m; i++) {
            id[i][i] = 1.0;
        }
        return id;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int m = a.length;
        double[][] c = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < m; l++) {
                double ail = a[i][l];
                if (ail == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    c[i][j] += ail * b[l][j];
                }
            }
        }
        return c;
    }

    /** The Pelz–Good asymptotic series for {@code P(D_n <= x)}. */
    static double pelzGood(int n, double x) {
        double z = Math.sqrt(n) * x;
        double z2 = z * z;
        double z3 = z2 * z;
        double z4 = z2 * z2;
        double z6 = z4 * z2;
        double qlog = -PI2 / 8 / z2;
        if (qlog < MIN_LOG) {
            return 0.0;
        }
        double q = Math.exp(qlog);
        double k1a = -z2;
        double k1b = PI2 / 4;
        double k2a = 6 * z6 + 2 * z4;
        double k2b = (2 * z4 - 5 * z2) * PI2 / 4;
        double k2c = PI4 * (1 - 2 * z2) / 16;
        double k3d = PI6 * (5 - 30 * z2) / 64;
        double k3c = PI4 * (-60 * z2 + 212 * z4) / 16;
        double k3b = PI2 * (135 * z4 - 96 * z6) / 4;
        double k3a = -30 * z6 - 90 * Math.pow(z, 8);
        double[] kk = new double[4];
        int maxk = (int) Math.ceil(16 * z / Math.PI);
        for (int k = maxk; k > 0; k--) {
            double mm = 2 * k - 1;
            double m2 = mm * mm;
            double m4 = m2 * m2;
            double m6 = m4 * m2;
            double qpower = Math.pow(q, 8 * k);
            kk[0] = kk[0] * qpower + 1.0;
            kk[1] = kk[1] * qpower + (k1a + k1b * m2);
            kk[2] = kk[2] * qpower + (k2a + k2b * m2 + k2c * m4);
            kk[3] = kk[3] * qpower + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
        }
        double[] div = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            kk[i] *= q;
            kk[i] *= SQRT2PI;
            kk[i] /= div[i];
        }
        double q2 = Math.exp(-PI2 / 2 / z2);
        double sqrt3z = SQRT3 * z;
        double[] k2terms = new double[maxk];
        double[] k3terms = new double[maxk];
        for (int idx = 0; idx < maxk; idx++) {
            int k = maxk - idx;
            double ks2 = (double) k * k;
            double qp = Math.pow(q2, ks2);
            double kspi = Math.PI * k;
            k2terms[idx] = ks2 * qp;
            k3terms[idx] = (sqrt3z + kspi) * (sqrt3z - kspi) * ks2 * qp;
        }
        double k2extra = NumpySum.sum(k2terms) * (PI2 * SQRT2PI / (-36 * z3));
        kk[2] += k2extra;
        double k3extra = NumpySum.sum(k3terms) * (PI2 * SQRT2PI / (216 * z6));
        kk[3] += k3extra;
        double total = 0;
        for (int i = 0; i < 4; i++) {
            kk[i] /= Math.pow(n * 1.0, i / 2.0);
        }
        for (int i = 0; i < 4; i++) {
            total += kk[i];
        }
        return total;
    }
}
