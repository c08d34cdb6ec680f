package dev.candor.core.linalg;

/**
 * The Cholesky factorization {@code A = L L'} of a symmetric positive semi-definite matrix, and
 * solves of {@code A x = b} with it. One implementation for every least-squares and Newton system
 * in Candor (KernelSHAP's constrained regression, LIME's weighted ridge, the weighted logistic
 * regression), so that they share one pivot rule.
 *
 * <p><b>Factorization.</b> Column by column (Cholesky–Banachiewicz order), for j = 0..n−1:
 * {@code d_j = a_jj − sum_{k<j} l_jk^2}, {@code l_jj = sqrt(d_j)} and
 * {@code l_ij = (a_ij − sum_{k<j} l_ik l_jk) / l_jj} for i &gt; j. Only the lower triangle and the
 * diagonal of A are read. Solving is forward substitution with L, then back substitution with L'.
 *
 * <p><b>Pivot tolerance.</b> Pivot j is accepted when {@code d_j > PIVOT_TOLERANCE * |a_jj|}, with
 * {@link #PIVOT_TOLERANCE} = 1e-12. For a Gram matrix, {@code d_j / a_jj} is the share of column j's
 * sum of squares that the earlier columns do not explain (1 − R² of column j on columns 0..j−1), so
 * the rule reads: a column is linearly dependent on the earlier ones when they explain all but
 * 10<sup>−12</sup> of it. The rounding error of {@code d_j} is about {@code j * 1.1e-16 * a_jj}, so
 * the tolerance stays above rounding noise for a hundred columns and more. A zero, negative or NaN
 * pivot is never accepted.
 *
 * <p><b>Below the tolerance.</b> The column is marked dependent ({@link #isDependent(int)}): its
 * column of L is left 0, the factorization goes on with the remaining columns, and
 * {@link #solve(double[])} gives it a 0 coefficient, which is the least-squares solution on the
 * other columns. A caller that needs a positive definite matrix checks {@link #isFullRank()} and
 * falls back or fails as suits it (KernelSHAP's regression uses the pseudo-inverse, the logistic
 * regression reports a singular Hessian).
 *
 * <p>Instances are immutable.
 *
 * @since 0.1.0
 */
public final class Cholesky {

    /** The relative pivot tolerance: pivot j must exceed {@code PIVOT_TOLERANCE * |a_jj|}. */
    public static final double PIVOT_TOLERANCE = 1e-12;

    private final int n;
    private final double[] l;
    private final boolean[] dependent;
    private final int rank;

    private Cholesky(int n, double[] l, boolean[] dependent, int rank) {
        this.n = n;
        this.l = l;
        this.dependent = dependent;
        this.rank = rank;
    }

    /**
     * Factors a symmetric positive semi-definite matrix; A is not modified.
     *
     * @param a row-major {@code n x n} matrix (only the lower triangle and the diagonal are read)
     * @param n its order, at least 0
     * @return the factorization
     * @throws IllegalArgumentException if n is negative or a holds fewer than {@code n * n} values
     */
    public static Cholesky of(double[] a, int n) {
        if (n < 0 || a.length < (long) n * n) {
            throw new IllegalArgumentException("expected a " + n + " x " + n + " matrix, got " + a.length + " values");
        }
        double[] l = new double[n * n];
        boolean[] dependent = new boolean[n];
        int rank = 0;
        for (int j = 0; j < n; j++) {
            int rj = j * n;
            double d = a[rj + j];
            for (int k = 0; k < j; k++) {
                d -= l[rj + k] * l[rj + k];
            }
            if (!(d > PIVOT_TOLERANCE * Math.abs(a[rj + j]))) {
                dependent[j] = true;
                continue;
            }
            rank++;
            double ljj = Math.sqrt(d);
            l[rj + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                int ri = i * n;
                double s = a[ri + j];
                for (int k = 0; k < j; k++) {
                    s -= l[ri + k] * l[rj + k];
                }
                l[ri + j] = s / ljj;
            }
        }
        return new Cholesky(n, l, dependent, rank);
    }

    /** @return the order n of the matrix */
    public int order() {
        return n;
    }

    /** @return the number of accepted pivots */
    public int rank() {
        return rank;
    }

    /** @return true when every pivot passed the tolerance (A is numerically positive definite) */
    public boolean isFullRank() {
        return rank == n;
    }

    /**
     * @param j a column index
     * @return true if pivot j fell below the tolerance (the column depends on the earlier ones)
     */
    public boolean isDependent(int j) {
        return dependent[j];
    }

    /**
     * @param i a row index
     * @param j a column index
     * @return {@code L[i][j]} (0 above the diagonal and in dependent columns)
     */
    public double l(int i, int j) {
        return j > i ? 0.0 : l[i * n + j];
    }

    /**
     * Solves {@code A x = b}; dependent columns get {@code x_j = 0}.
     *
     * @param b the right-hand side, of length n (not modified)
     * @return x
     */
    public double[] solve(double[] b) {
        if (b.length != n) {
            throw new IllegalArgumentException("b has " + b.length + " values, expected " + n);
        }
        double[] x = b.clone();
        solveInPlace(x, 0);
        return x;
    }

    /**
     * Solves {@code A x = b} in place for the n values of {@code b} starting at {@code offset}, so
     * that several right-hand sides stored one after another can be solved without copies.
     *
     * @param b      holds the right-hand side on entry and x on return
     * @param offset where the n values start
     */
    public void solveInPlace(double[] b, int offset) {
        for (int i = 0; i < n; i++) {
            if (dependent[i]) {
                b[offset + i] = 0.0;
                continue;
            }
            int ri = i * n;
            double s = b[offset + i];
            for (int k = 0; k < i; k++) {
                s -= l[ri + k] * b[offset + k];
            }
            b[offset + i] = s / l[ri + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            if (dependent[i]) {
                continue;
            }
            double s = b[offset + i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * b[offset + k];
            }
            b[offset + i] = s / l[i * n + i];
        }
    }
}
