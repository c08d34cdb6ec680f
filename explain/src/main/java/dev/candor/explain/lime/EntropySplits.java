package dev.candor.explain.lime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entropy-based bin edges for one feature, as the reference's {@code EntropyDiscretizer} makes
 * them: the thresholds of a decision tree of depth at most 3 grown on that feature alone with the
 * entropy (information gain) criterion, sorted; the median when the tree makes no split.
 *
 * <p>The tree follows CART as scikit-learn grows it: a node is split unless it is at depth 3, has
 * fewer than 2 rows or is pure; the split position maximizes {@code -(nL H(L) + nR H(R))} over the
 * gaps between consecutive distinct values (values closer than 1e-7 are not separated); ties go to
 * the lowest threshold; the threshold is the midpoint {@code a/2 + b/2} of the two values around
 * the gap (the lower value if the midpoint rounds up to the upper one). Like scikit-learn, the
 * values are first rounded to {@code float}. Reference: U. M. Fayyad, K. B. Irani, Multi-interval
 * discretization of continuous-valued attributes, IJCAI 1993.
 */
final class EntropySplits {

    private static final int MAX_DEPTH = 3;
    private static final double FEATURE_THRESHOLD = 1e-7;

    private EntropySplits() {
    }

    /**
     * @param column    the training column (no NaN)
     * @param labels    class labels, one per row, each in [0, numClasses)
     * @param numClasses number of classes
     * @return the sorted split thresholds (not yet merged)
     */
    static double[] thresholds(double[] column, int[] labels, int numClasses) {
        int n = column.length;
        Integer[] order = new Integer[n];
        double[] v32 = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            v32[i] = (float) column[i];
        }
        Arrays.sort(order, (p, q) -> Double.compare(v32[p], v32[q]));
        double[] v = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = v32[order[i]];
            y[i] = labels[order[i]];
        }
        List<Double> out = new ArrayList<>();
        split(v, y, numClasses, 0, n, 0, out);
        if (out.isEmpty()) {
            double[] sorted = column.clone();
            Arrays.sort(sorted);
            return Percentiles.of(sorted, new double[] {50});
        }
        double[] t = out.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(t);
        return t;
    }

    private static void split(double[] v, int[] y, int k, int lo, int hi, int depth, List<Double> out) {
        int n = hi - lo;
        if (depth >= MAX_DEPTH || n < 2) {
            return;
        }
        long[] total = new long[k];
        for (int i = lo; i < hi; i++) {
            total[y[i]]++;
        }
        if (entropy(total, n) <= Math.ulp(1.0)) {
            return;
        }
        long[] left = new long[k];
        long[] right = new long[k];
        double best = Double.NEGATIVE_INFINITY;
        int bestPos = -1;
        for (int p = lo + 1; p < hi; p++) {
            left[y[p - 1]]++;
            if (v[p] <= v[p - 1] + FEATURE_THRESHOLD) {
                continue;
            }
            int nl = p - lo;
            int nr = hi - p;
            for (int c = 0; c < k; c++) {
                right[c] = total[c] - left[c];
            }
            double proxy = -nr * entropy(right, nr) - nl * entropy(left, nl);
            if (proxy > best) {
                best = proxy;
                bestPos = p;
            }
        }
        if (bestPos < 0) {
            return;
        }
        double threshold = v[bestPos - 1] / 2.0 + v[bestPos] / 2.0;
        if (threshold == v[bestPos] || Double.isInfinite(threshold)) {
            threshold = v[bestPos - 1];
        }
        out.add(threshold);
        split(v, y, k, lo, bestPos, depth + 1, out);
        split(v, y, k, bestPos, hi, depth + 1, out);
    }

    private static double entropy(long[] counts, int n) {
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = (double) c / n;
                h -= p * (Math.log(p) / Math.log(2.0));
            }
        }
        return h;
    }
}
