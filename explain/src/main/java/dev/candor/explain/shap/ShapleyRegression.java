package dev.candor.explain.shap;

import dev.candor.core.linalg.Cholesky;
import java.lang.System.Logger.Level;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The constrained weighted least squares at the heart of KernelSHAP (Lundberg and Lee 2017,
 * arXiv:1705.07874, Theorem 2): find phi minimising
 * {@code sum_c w_c (y_c - sum_j m_cj phi_j)^2} subject to {@code sum_j phi_j = delta}, where
 * {@code y_c = g(E[f | coalition c]) - g(E[f])} and {@code delta = g(f(x)) - g(E[f])}.
 *
 * <p>The constraint is enforced exactly by eliminating the last player, as shap does:
 * {@code phi_last = delta - sum_{j<last} phi_j}, leaving an unconstrained problem in M - 1 unknowns
 * with design {@code e_cj = m_cj - m_c,last} and target {@code y_c - m_c,last delta}. Its normal
 * equations are built from the weighted Gram matrix of the 0/1 masks, {@code G = sum_c w_c m_c m_c'},
 * and {@code b = sum_c w_c m_c y_c}: {@code A_jk = G_jk - G_jl - G_lk + G_ll} and
 * {@code r_j = b_j - b_l - delta (G_jl - G_ll)}, which costs O(min(|c|, M - |c|)^2) per coalition
 * (a large coalition is added through its complement) instead of O(M^2).
 * They are solved by {@link Cholesky} (its documented pivot tolerance); a singular system (too few distinct coalitions) falls back to the
 * Moore-Penrose pseudo-inverse, as shap does, with a logged warning.
 *
 * <p>Not thread-safe: each worker owns one.
 */
final class ShapleyRegression {

    private static final System.Logger LOG = System.getLogger(KernelShap.class.getName());

    private double[] gram = new double[0];
    private double[] a = new double[0];
    private double[] r = new double[0];
    private int[] in = new int[0];
    private double[] comp = new double[0];
    private double[] u = new double[0];
    private double[] ybig = new double[0];
    private double[] rbig = new double[0];
    private int[] groupOf = new int[0];
    private double[] groupWeight = new double[0];
    private int[] groupSize = new int[0];
    private int[] groupStart = new int[0];
    private int[] groupFill = new int[0];
    private long[] colBits = new long[0];

    /**
     * @param co     the coalitions and weights
     * @param y      {@code y[c * outputs + k]}: the adjusted coalition value of output k
     * @param delta  {@code delta[k]}: g(f(x)) - g(E[f]) of output k
     * @param phi    out: {@code phi[k * M + j]}
     */
    void solve(Coalitions co, double[] y, int outputs, double[] delta, double[] phi) {
        int m = co.players;
        if (m == 1) {
            for (int k = 0; k < outputs; k++) {
                phi[k] = delta[k];
            }
            return;
        }
        if (gram.length < m * m) {
            gram = new double[m * m];
            in = new int[m];
        }
        java.util.Arrays.fill(gram, 0, m * m, 0.0);
        int l = m - 1;
        int p = m - 1;
        if (r.length < outputs * m) {
            r = new double[outputs * m];
        }
        java.util.Arrays.fill(r, 0, outputs * m, 0.0);
        if (m > 64 || !accumulateByWeight(co, y, outputs)) {
            accumulate(co, y, outputs);
        }
        // mirror the upper triangle
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                gram[i * m + j] = gram[j * m + i];
            }
        }
        if (a.length < p * p) {
            a = new double[p * p];
        }
        double gll = gram[l * m + l];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                a[i * p + j] = gram[i * m + j] - gram[i * m + l] - gram[l * m + j] + gll;
            }
        }
        double[] rhs = new double[p * outputs];
        for (int k = 0; k < outputs; k++) {
            int base = k * m;
            for (int i = 0; i < p; i++) {
                rhs[k * p + i] = r[base + i] - r[base + l] - delta[k] * (gram[i * m + l] - gll);
            }
        }
        double[] sol = choleskySolve(a, p, rhs, outputs);
        if (sol == null) {
            LOG.log(Level.WARNING, "KernelSHAP normal equations are singular ({0} coalitions for {1} players); "
                    + "using the pseudo-inverse. Increase nsamples for a unique solution.", co.count, m);
            sol = pseudoInverseSolve(a, p, rhs, outputs);
        }
        for (int k = 0; k < outputs; k++) {
            double sum = 0;
            for (int i = 0; i < p; i++) {
                double v = sol[k * p + i];
                phi[k * m + i] = v;
                sum += v;
            }
            phi[k * m + l] = delta[k] - sum;
        }
    }

    /**
     * The Gram matrix (upper triangle) and {@code r} coalition by coalition: O(min(|c|, M - |c|)^2) each,
     * a coalition larger than half added through its complement.
     */
    private void accumulate(Coalitions co, double[] y, int outputs) {
        int m = co.players;
        byte[] masks = co.masks;
        double[] w = co.weights;
        // Coalitions larger than half are accumulated through their complements (size <= M / 2):
        // m_j m_k = 1 - mbar_j - mbar_k + mbar_j mbar_k, so with W = sum w, u = sum w mbar,
        // H = sum w mbar mbar' and Y = sum w y over them, G += W - u_j - u_k + H_jk and r_j += Y - (sum w y mbar)_j.
        if (comp.length < m * m) {
            comp = new double[m * m];
            u = new double[m];
        }
        java.util.Arrays.fill(comp, 0, m * m, 0.0);
        java.util.Arrays.fill(u, 0, m, 0.0);
        if (ybig.length < outputs) {
            ybig = new double[outputs];
        }
        java.util.Arrays.fill(ybig, 0, outputs, 0.0);
        if (rbig.length < outputs * m) {
            rbig = new double[outputs * m];
        }
        java.util.Arrays.fill(rbig, 0, outputs * m, 0.0);
        double wbig = 0;
        int half = m / 2;
        for (int c = 0; c < co.count; c++) {
            int off = c * m;
            int s = 0;
            for (int j = 0; j < m; j++) {
                s += masks[off + j];
            }
            boolean big = s > half;
            int t = 0;
            byte want = big ? (byte) 0 : (byte) 1;
            for (int j = 0; j < m; j++) {
                if (masks[off + j] == want) {
                    in[t++] = j;
                }
            }
            double wc = w[c];
            double[] target = big ? comp : gram;
            for (int a1 = 0; a1 < t; a1++) {
                int row = in[a1] * m;
                for (int v = a1; v < t; v++) {
                    target[row + in[v]] += wc;
                }
            }
            double[] rt = big ? rbig : r;
            for (int k = 0; k < outputs; k++) {
                double wy = wc * y[c * outputs + k];
                int base = k * m;
                for (int a1 = 0; a1 < t; a1++) {
                    rt[base + in[a1]] += wy;
                }
                if (big) {
                    ybig[k] += wy;
                }
            }
            if (big) {
                wbig += wc;
                for (int a1 = 0; a1 < t; a1++) {
                    u[in[a1]] += wc;
                }
            }
        }
        if (wbig != 0) {
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    gram[i * m + j] += wbig - u[i] - u[j] + comp[i * m + j];
                }
            }
            for (int k = 0; k < outputs; k++) {
                for (int j = 0; j < m; j++) {
                    r[k * m + j] += ybig[k] - rbig[k * m + j];
                }
            }
        }
    }

    /**
     * The Gram matrix (upper triangle) and {@code r} for up to 64 players when the coalitions carry few
     * distinct weights (both sampling schemes weight whole sizes alike): coalitions are grouped by
     * weight, each group's membership is held as one bitset per player, and
     * {@code G_jk = sum_groups w_g popcount(B_gj & B_gk)}, about M^2 / 2 word operations per 64
     * coalitions instead of one per member pair. {@code r_j = sum_c w_c y_c m_cj} is summed over the
     * members of each coalition.
     *
     * @return false (nothing written) when there are too many distinct weights for this to pay
     */
    private boolean accumulateByWeight(Coalitions co, double[] y, int outputs) {
        int m = co.players;
        int count = co.count;
        byte[] masks = co.masks;
        double[] w = co.weights;
        int maxGroups = Math.max(4, count / 32);
        if (groupOf.length < count) {
            groupOf = new int[count];
        }
        if (groupWeight.length < maxGroups) {
            groupWeight = new double[maxGroups];
            groupSize = new int[maxGroups];
        }
        int groups = 0;
        for (int c = 0; c < count; c++) {
            double wc = w[c];
            int g = -1;
            // groups are few; the previous coalition's group is the usual hit
            if (c > 0 && groupWeight[groupOf[c - 1]] == wc) {
                g = groupOf[c - 1];
            } else {
                for (int q = 0; q < groups; q++) {
                    if (groupWeight[q] == wc) {
                        g = q;
                        break;
                    }
                }
            }
            if (g < 0) {
                if (groups == maxGroups) {
                    return false;
                }
                g = groups++;
                groupWeight[g] = wc;
                groupSize[g] = 0;
            }
            groupOf[c] = g;
            groupSize[g]++;
        }
        // word offset of each group's bitsets: words(g) = ceil(size / 64), per player
        if (groupStart.length < groups + 1) {
            groupStart = new int[groups + 1];
            groupFill = new int[groups];
        }
        int words = 0;
        for (int g = 0; g < groups; g++) {
            groupStart[g] = words;
            words += (groupSize[g] + 63) >>> 6;
            groupFill[g] = 0;
        }
        groupStart[groups] = words;
        if (colBits.length < words * m) {
            colBits = new long[words * m];
        }
        java.util.Arrays.fill(colBits, 0, words * m, 0L);
        for (int c = 0; c < count; c++) {
            int g = groupOf[c];
            int pos = groupFill[g]++;
            int word = groupStart[g] + (pos >>> 6);
            int off = c * m;
            int shift = pos & 63;
            for (int j = 0; j < m; j++) {
                colBits[j * words + word] |= (long) masks[off + j] << shift; // masks are 0 or 1
            }
            for (int k = 0; k < outputs; k++) {
                double wy = w[c] * y[c * outputs + k];
                int base = k * m;
                for (int j = 0; j < m; j++) {
                    r[base + j] += wy * masks[off + j];
                }
            }
        }
        for (int g = 0; g < groups; g++) {
            double wg = groupWeight[g];
            int from = groupStart[g];
            int to = groupStart[g + 1];
            for (int i = 0; i < m; i++) {
                int bi = i * words;
                for (int j = i; j < m; j++) {
                    int bj = j * words;
                    long pc = 0;
                    for (int q = from; q < to; q++) {
                        pc += Long.bitCount(colBits[bi + q] & colBits[bj + q]);
                    }
                    gram[i * m + j] += wg * pc;
                }
            }
        }
        return true;
    }

    /**
     * Solves A x = b for each of {@code nrhs} right-hand sides stored one after another; null if a
     * pivot falls below {@link Cholesky#PIVOT_TOLERANCE} (too few distinct coalitions).
     */
    private static double[] choleskySolve(double[] a, int p, double[] rhs, int nrhs) {
        Cholesky ch = Cholesky.of(a, p);
        if (!ch.isFullRank()) {
            return null;
        }
        double[] x = rhs.clone();
        for (int q = 0; q < nrhs; q++) {
            ch.solveInPlace(x, q * p);
        }
        return x;
    }

    private static double[] pseudoInverseSolve(double[] a, int p, double[] rhs, int nrhs) {
        double[][] m = new double[p][p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(a, i * p, m[i], 0, p);
        }
        var pinv = new SingularValueDecomposition(new Array2DRowRealMatrix(m, false)).getSolver().getInverse();
        double[] x = new double[p * nrhs];
        for (int q = 0; q < nrhs; q++) {
            double[] b = new double[p];
            System.arraycopy(rhs, q * p, b, 0, p);
            double[] s = pinv.operate(b);
            System.arraycopy(s, 0, x, q * p, p);
        }
        return x;
    }
}
