package dev.candor.monitor.window;

import dev.candor.core.RadixSort;
import java.io.Serializable;
import java.util.Arrays;

/**
 * scikit-learn 1.2.1's {@code IsotonicRegression(out_of_bounds='clip', increasing=True)}, fitted on
 * (score, label) pairs, as NannyML's CBPE uses it to calibrate scores.
 *
 * <ol>
 *   <li>Sort by (score, then label); merge scores within {@code 1e-15} of the current group's first
 *       score into one point with the mean label and a weight equal to the group size
 *       ({@code _make_unique}).</li>
 *   <li>Pool adjacent violators with those weights, pooling each maximal decreasing run and
 *       backtracking one block ({@code _inplace_contiguous_isotonic_regression}).</li>
 *   <li>Keep the first and last points and every point whose fitted value differs from a neighbour's.</li>
 *   <li>Predict by clipping to [X_min, X_max] and interpolating linearly ({@code np.interp}).</li>
 * </ol>
 *
 * <p>Reference: M. J. Best, N. Chakravarti, "Active set algorithms for isotonic regression",
 * Math. Programming 47, 1990 (PAVA); scikit-learn {@code sklearn/isotonic.py},
 * {@code sklearn/_isotonic.pyx}. Instances are immutable.
 *
 * @since 0.2.0
 */
public final class IsotonicCalibrator implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final double EPS = 1e-15;

    private final double[] x;
    private final double[] y;

    private IsotonicCalibrator(double[] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    /**
     * @param scores raw scores
     * @param labels 0/1 labels, same length
     * @param rows   the positions to fit on, or {@code null} for all
     * @return the fitted calibrator
     */
    public static IsotonicCalibrator fit(double[] scores, int[] labels, int[] rows) {
        int n = rows == null ? scores.length : rows.length;
        if (n == 0) {
            throw new IllegalArgumentException("isotonic regression needs at least one row");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = rows == null ? i : rows[i];
        }
        // by score, then label, ties in the given order: stable sorts from the last key to the first
        double[] labelKey = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            labelKey[i] = labels[i];
        }
        RadixSort.stableBy(order, labelKey);
        RadixSort.stableBy(order, scores);
        double[] ux = new double[n];
        double[] uy = new double[n];
        double[] uw = new double[n];
        int m = 0;
        double cx = scores[order[0]];
        double cw = 0;
        double cy = 0;
        for (int j = 0; j < n; j++) {
            double s = scores[order[j]];
            if (s - cx >= EPS) {
                ux[m] = cx;
                uw[m] = cw;
                uy[m] = cy / cw;
                m++;
                cx = s;
                cw = 1;
                cy = labels[order[j]];
            } else {
                cw += 1;
                cy += labels[order[j]];
            }
        }
        ux[m] = cx;
        uw[m] = cw;
        uy[m] = cy / cw;
        m++;
        ux = Arrays.copyOf(ux, m);
        uy = Arrays.copyOf(uy, m);
        uw = Arrays.copyOf(uw, m);
        pava(uy, uw);
        boolean[] keep = new boolean[m];
        keep[0] = true;
        keep[m - 1] = true;
        for (int i = 1; i < m - 1; i++) {
            keep[i] = uy[i] != uy[i - 1] || uy[i] != uy[i + 1];
        }
        int k = 0;
        double[] fx = new double[m];
        double[] fy = new double[m];
        for (int i = 0; i < m; i++) {
            if (keep[i]) {
                fx[k] = ux[i];
                fy[k] = uy[i];
                k++;
            }
        }
        return new IsotonicCalibrator(Arrays.copyOf(fx, k), Arrays.copyOf(fy, k));
    }

    /** sklearn's in-place PAVA with backtracking. */
    private static void pava(double[] y, double[] w) {
        int n = y.length;
        int[] target = new int[n];
        for (int i = 0; i < n; i++) {
            target[i] = i;
        }
        int i = 0;
        while (i < n) {
            int k = target[i] + 1;
            if (k == n) {
                break;
            }
            if (y[i] < y[k]) {
                i = k;
                continue;
            }
            double sumWy = w[i] * y[i];
            double sumW = w[i];
            while (true) {
                double prevY = y[k];
                sumWy += w[k] * y[k];
                sumW += w[k];
                k = target[k] + 1;
                if (k == n || prevY < y[k]) {
                    y[i] = sumWy / sumW;
                    w[i] = sumW;
                    target[i] = k - 1;
                    target[k - 1] = i;
                    if (i > 0) {
                        i = target[i - 1];
                    }
                    break;
                }
            }
        }
        i = 0;
        while (i < n) {
            int k = target[i] + 1;
            for (int j = i + 1; j < k; j++) {
                y[j] = y[i];
            }
            i = k;
        }
    }

    /**
     * @param score a raw score
     * @return the calibrated probability
     */
    public double calibrate(double score) {
        if (x.length == 1) {
            return y[0];
        }
        double s = Math.min(Math.max(score, x[0]), x[x.length - 1]);
        int j = Arrays.binarySearch(x, s);
        if (j >= 0) {
            return y[j];
        }
        int hi = -j - 1;
        int lo = hi - 1;
        return (y[hi] - y[lo]) / (x[hi] - x[lo]) * (s - x[lo]) + y[lo];
    }

    /** @return the retained thresholds' scores ({@code X_thresholds_}) */
    public double[] xThresholds() {
        return x.clone();
    }

    /** @return the retained thresholds' fitted values ({@code y_thresholds_}) */
    public double[] yThresholds() {
        return y.clone();
    }
}
