package dev.candor.explain.lime;

import dev.candor.core.linalg.Cholesky;

/**
 * Weighted ridge regression with an unpenalized intercept, solved from sufficient statistics so
 * that one pass over the neighbourhood serves every subset of features (feature selection fits
 * many subsets).
 *
 * <p>Minimizes Σ<sub>i</sub> w<sub>i</sub> (y<sub>i</sub> − b − x<sub>i</sub>·β)² + α‖β‖², as
 * scikit-learn's {@code Ridge(alpha, fit_intercept=True).fit(X, y, sample_weight=w)}: with the
 * weighted means x̄ = Σ w x / Σ w and ȳ, β = (C + αI)⁻¹ c where C = Σ w (x − x̄)(x − x̄)ᵀ and
 * c = Σ w (x − x̄)(y − ȳ), and b = ȳ − x̄·β. The score is the weighted R²,
 * 1 − Σ w (y − ŷ)² / Σ w (y − ȳ)², which is NaN when y is constant (0/0).
 *
 * <p>The moments are accumulated about a shift point (the explained row and its output), which
 * keeps the centring exact to rounding and makes the binary LIME representation sparse. With
 * α = 0 (used by forward selection) an exactly collinear or constant column gets coefficient 0, as
 * a least-squares solution; the fitted values and the score are those of any least-squares fit.
 */
final class WeightedRidge {

    private WeightedRidge() {
    }

    /** Weighted moments of (x − shiftX, y − shiftY). Mutable while accumulating; not thread-safe. */
    static final class Moments {
        final int m;
        final double[] shiftX;
        final double shiftY;
        double sw;
        double sy;
        double syy;
        final double[] sx;
        final double[] sxy;
        final double[] g; // m*m, lower triangle filled while accumulating

        Moments(double[] shiftX, double shiftY) {
            this.m = shiftX.length;
            this.shiftX = shiftX;
            this.shiftY = shiftY;
            this.sx = new double[m];
            this.sxy = new double[m];
            this.g = new double[m * m];
        }

        /** Adds a dense row (already shifted: d = x − shiftX) with output y (not shifted). */
        void addDense(double[] d, double y, double w) {
            double yc = y - shiftY;
            sw += w;
            sy += w * yc;
            syy += w * yc * yc;
            for (int j = 0; j < m; j++) {
                double wd = w * d[j];
                if (wd == 0) {
                    continue;
                }
                sx[j] += wd;
                sxy[j] += wd * yc;
                int base = j * m;
                for (int k = 0; k <= j; k++) {
                    g[base + k] += wd * d[k];
                }
            }
        }

        /**
         * Adds a row whose shifted values are −1 at the listed features and 0 elsewhere (a binary row
         * against a shift of all ones).
         */
        void addMinusOnes(int[] idx, int from, int to, double y, double w) {
            double yc = y - shiftY;
            sw += w;
            double wy = w * yc;
            sy += wy;
            syy += wy * yc;
            for (int p = from; p < to; p++) {
                int j = idx[p];
                sx[j] -= w;
                sxy[j] -= wy;
                int base = j * m;
                for (int q = from; q <= p; q++) {
                    g[base + idx[q]] += w;
                }
            }
        }

        /**
         * Adds n binary rows at once, row i being −1 at the features {@code idx[start[i]..start[i+1])}
         * (in any order) and 0 elsewhere, with output y[i] and weight {@code weightByCount[number of
         * listed features]}. Same sums as calling {@link #addMinusOnes} per row, but the cross
         * products come from bit sets: rows are grouped by their count d (one weight per group) and
         * G[j][k] = Σ<sub>d</sub> weight(d) · popcount(B<sub>dj</sub> ∧ B<sub>dk</sub>), which costs
         * O(M² n / 64) word operations instead of O(Σ d²) scattered additions.
         */
        void addBinaryRows(int[] idx, int[] start, int n, double[] y, double[] weightByCount) {
            int classes = weightByCount.length;
            int[] size = new int[classes];
            for (int i = 0; i < n; i++) {
                size[start[i + 1] - start[i]]++;
            }
            int[] wordOffset = new int[classes + 1];
            for (int d = 0; d < classes; d++) {
                wordOffset[d + 1] = wordOffset[d] + (size[d] + 63) / 64;
            }
            int words = wordOffset[classes];
            long[] bits = new long[m * words];
            int[] fill = new int[classes];
            for (int i = 0; i < n; i++) {
                int from = start[i];
                int to = start[i + 1];
                int d = to - from;
                double w = weightByCount[d];
                double yc = y[i] - shiftY;
                double wy = w * yc;
                sw += w;
                sy += wy;
                syy += wy * yc;
                int pos = fill[d]++;
                int word = wordOffset[d] + (pos >>> 6);
                long bit = 1L << (pos & 63);
                for (int p = from; p < to; p++) {
                    int j = idx[p];
                    sx[j] -= w;
                    sxy[j] -= wy;
                    bits[j * words + word] |= bit;
                }
            }
            for (int j = 0; j < m; j++) {
                int bj = j * words;
                for (int k = 0; k <= j; k++) {
                    int bk = k * words;
                    double sum = 0;
                    for (int d = 0; d < classes; d++) {
                        long count = 0;
                        for (int q = wordOffset[d]; q < wordOffset[d + 1]; q++) {
                            count += Long.bitCount(bits[bj + q] & bits[bk + q]);
                        }
                        sum += weightByCount[d] * count;
                    }
                    g[j * m + k] += sum;
                }
            }
        }

        /** Copies the lower triangle to the upper one; call once after accumulating. */
        void symmetrize() {
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < j; k++) {
                    double lower = g[j * m + k] + g[k * m + j];
                    g[j * m + k] = lower;
                    g[k * m + j] = lower;
                }
            }
        }
    }

    /**
     * @param coef       coefficients, in the order of the requested features
     * @param intercept  the intercept in the original coordinates
     * @param score      weighted R², NaN when the output is constant
     * @param atShift    the fitted value at the shift point
     */
    record Fit(double[] coef, double intercept, double score, double atShift) {
    }

    /**
     * Fits the ridge on a subset of features.
     *
     * @param mo       accumulated, symmetrized moments
     * @param features the features to use (distinct indices)
     * @param alpha    the ridge penalty, &ge; 0
     * @return the fit
     */
    static Fit fit(Moments mo, int[] features, double alpha) {
        int p = features.length;
        int m = mo.m;
        double w = mo.sw;
        double[] a = new double[p * p];
        double[] c = new double[p];
        double[] mean = new double[p];
        for (int r = 0; r < p; r++) {
            mean[r] = mo.sx[features[r]] / w;
        }
        for (int r = 0; r < p; r++) {
            int fr = features[r];
            c[r] = mo.sxy[fr] - mo.sx[fr] * mo.sy / w;
            for (int s = 0; s <= r; s++) {
                int fs = features[s];
                double v = mo.g[fr * m + fs] - mo.sx[fr] * mean[s];
                a[r * p + s] = v;
                a[s * p + r] = v;
            }
            a[r * p + r] += alpha;
        }
        double[] beta = solveSpd(a, c.clone(), p);
        double meanY = mo.sy / w;
        double atShiftCentred = meanY;
        double rss = mo.syy - mo.sy * meanY;
        double tss = rss;
        double quad = 0;
        for (int r = 0; r < p; r++) {
            atShiftCentred -= mean[r] * beta[r];
            rss -= 2 * beta[r] * c[r];
            double row = 0;
            for (int s = 0; s < p; s++) {
                row += (a[r * p + s] - (r == s ? alpha : 0)) * beta[s];
            }
            quad += beta[r] * row;
        }
        rss += quad;
        double score = tss > 0 ? 1 - Math.max(rss, 0) / tss : Double.NaN;
        double atShift = mo.shiftY + atShiftCentred;
        double intercept = atShift;
        for (int r = 0; r < p; r++) {
            intercept -= beta[r] * mo.shiftX[features[r]];
        }
        return new Fit(beta, intercept, score, atShift);
    }

    /**
     * Solves A x = c for symmetric positive semi-definite A (row-major p×p) by {@link Cholesky}; a
     * pivot below its tolerance marks a dependent column, whose coefficient is set to 0.
     */
    static double[] solveSpd(double[] a, double[] c, int p) {
        return Cholesky.of(a, p).solve(c);
    }
}
