package dev.candor.fairness.mitigation;

import dev.candor.core.RadixSort;

/**
 * One group's upper convex hull of (x, y) operating points of threshold classifiers, as fairlearn's
 * ThresholdOptimizer builds it.
 *
 * <ol>
 *   <li>Candidates: threshold +∞ (nothing selected), then, walking the distinct scores v from the
 *       largest down, the threshold (v + v′)/2 with v′ the next smaller distinct score (−∞ after the
 *       smallest), which selects every row with score &gt; threshold. Each candidate's counts give its
 *       (x, y) by {@link CurveRate}.</li>
 *   <li>Sorted by x, then y, ascending, the upper hull by Andrew's monotone chain: the last point r1
 *       of the hull so far is dropped while
 *       {@code (r1.y − r0.y)(r2.x − r0.x) <= (r2.y − r0.y)(r1.x − r0.x)}, in doubles with no epsilon,
 *       which keeps the points that rounding lifts a hair above a chord exactly as fairlearn does.</li>
 * </ol>
 */
final class ThresholdHull {
    final double[] x;
    final double[] y;
    final double[] threshold;

    private ThresholdHull(double[] x, double[] y, double[] threshold) {
        this.x = x;
        this.y = y;
        this.threshold = threshold;
    }

    static ThresholdHull of(double[] groupScores, boolean[] groupPositive, CurveRate xRate, CurveRate yRate) {
        int n = groupScores.length;
        int[] order = RadixSort.order(groupScores, true); // descending, ties in row order
        double pos = 0;
        for (boolean p : groupPositive) {
            if (p) {
                pos++;
            }
        }
        double neg = n - pos;
        double[] cx = new double[n + 1];
        double[] cy = new double[n + 1];
        double[] ct = new double[n + 1];
        int m = 0;
        cx[0] = xRate.of(0, 0, neg, pos);
        cy[0] = yRate.of(0, 0, neg, pos);
        ct[0] = Double.POSITIVE_INFINITY;
        m = 1;
        double tp = 0;
        double fp = 0;
        int i = 0;
        while (i < n) {
            double v = groupScores[order[i]];
            while (i < n && groupScores[order[i]] == v) {
                if (groupPositive[order[i]]) {
                    tp++;
                } else {
                    fp++;
                }
                i++;
            }
            double t = i < n ? (v + groupScores[order[i]]) / 2 : Double.NEGATIVE_INFINITY;
            double tn = neg - fp;
            double fn = pos - tp;
            cx[m] = xRate.of(tp, fp, tn, fn);
            cy[m] = yRate.of(tp, fp, tn, fn);
            ct[m] = t;
            m++;
        }
        // by x, then y, ties in curve order: stable sorts from the last key to the first
        int[] byXy = new int[m];
        for (int k = 0; k < m; k++) {
            byXy[k] = k;
        }
        RadixSort.stableBy(byXy, cy);
        RadixSort.stableBy(byXy, cx);
        int[] hull = new int[m];
        int h = 0;
        for (int k = 0; k < m; k++) {
            int r2 = byXy[k];
            while (h >= 2) {
                int r0 = hull[h - 2];
                int r1 = hull[h - 1];
                if ((cy[r1] - cy[r0]) * (cx[r2] - cx[r0]) <= (cy[r2] - cy[r0]) * (cx[r1] - cx[r0])) {
                    h--;
                } else {
                    break;
                }
            }
            hull[h++] = r2;
        }
        double[] hx = new double[h];
        double[] hy = new double[h];
        double[] ht = new double[h];
        for (int k = 0; k < h; k++) {
            hx[k] = cx[hull[k]];
            hy[k] = cy[hull[k]];
            ht[k] = ct[hull[k]];
        }
        return new ThresholdHull(hx, hy, ht);
    }

    /**
     * The hull segment j that grid point {@code k} with value {@code xk} falls in: j + 1 hull points have
     * x ≤ xk, except that for k ≥ 1 a grid value equal to hull.x[j] counts as the right end of the segment
     * before it.
     */
    int segment(int k, double xk) {
        int count = 0;
        while (count < x.length && x[count] <= xk) {
            count++;
        }
        int j = count - 1;
        if (k >= 1 && x[j] == xk) {
            j--;
        }
        return Math.min(Math.max(j, 0), x.length - 2);
    }

    /** p0 = (x[j+1] − xk) / (x[j+1] − x[j]). */
    double p0(int j, double xk) {
        return (x[j + 1] - xk) / (x[j + 1] - x[j]);
    }

    /** y = p0 y[j] + (1 − p0) y[j+1]. */
    double y(int j, double xk) {
        double p0 = p0(j, xk);
        double p1 = 1 - p0;
        return p0 * y[j] + p1 * y[j + 1];
    }
}
