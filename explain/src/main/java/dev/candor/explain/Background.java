package dev.candor.explain;

import dev.candor.core.Fingerprint;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The reference data that stands in for "missing" features: when a Shapley coalition leaves a
 * feature out, its value is taken from each background row in turn and the model outputs are
 * averaged with the background weights. The expected model output over the background is the
 * base value of every explanation.
 *
 * <p>The cost of KernelSHAP is proportional to the number of background rows, so large data sets
 * should be summarised: {@link #sample(double[][], int, long)} keeps a seeded random subset, and
 * {@link #kmeans(double[][], int, long)} keeps weighted cluster centers (as shap's
 * {@code shap.kmeans}).
 *
 * <p>Weights are normalised to sum to 1. Immutable: the rows are copied on the way in and out.
 *
 * @since 0.1.0
 */
public final class Background {

    private final double[][] rows;
    private final double[] weights;
    private final String description;

    private Background(double[][] rows, double[] weights, String description) {
        this.rows = rows;
        this.weights = weights;
        this.description = description;
    }

    /**
     * All rows, each with the same weight.
     *
     * @param rows the background rows (at least one; all of the same width; finite values)
     * @return the background
     * @throws IllegalArgumentException if {@code rows} is empty, ragged, or holds NaN or infinite values
     */
    public static Background of(double[][] rows) {
        double[][] copy = checkedCopy(rows, "background");
        double[] w = new double[copy.length];
        Arrays.fill(w, 1.0 / copy.length);
        return new Background(copy, w, "all " + copy.length + " rows");
    }

    /**
     * Rows with weights (for example cluster sizes, or survey weights).
     *
     * @param rows    the background rows
     * @param weights one non-negative finite weight per row, with a positive sum
     * @return the background, with the weights normalised to sum to 1
     * @throws IllegalArgumentException for a bad row (see {@link #of(double[][])}), a weight count that
     *                                  differs from the row count, or a negative, NaN or infinite weight
     */
    public static Background weighted(double[][] rows, double[] weights) {
        double[][] copy = checkedCopy(rows, "background");
        if (weights == null || weights.length != copy.length) {
            throw new IllegalArgumentException("weights must have one value per background row: "
                    + copy.length + " rows, " + (weights == null ? "null" : weights.length + " weights"));
        }
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights[" + i + "] must be finite and >= 0, got " + w);
            }
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights must have a positive sum, got " + sum);
        }
        double[] w = new double[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights[i] / sum;
        }
        return new Background(copy, w, copy.length + " weighted rows");
    }

    /**
     * A seeded random sample of {@code k} distinct rows (without replacement), equally weighted; all
     * rows when {@code k >= data.length}. Same seed, same rows.
     *
     * @param data the data to sample from
     * @param k    how many rows to keep (at least 1)
     * @param seed the random seed
     * @return the background
     */
    public static Background sample(double[][] data, int k, long seed) {
        double[][] copy = checkedCopy(data, "data");
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (k >= copy.length) {
            return of(copy);
        }
        int[] idx = new int[copy.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] chosen = Arrays.copyOf(idx, k);
        Arrays.sort(chosen);
        double[][] out = new double[k][];
        for (int i = 0; i < k; i++) {
            out[i] = copy[chosen[i]];
        }
        double[] w = new double[k];
        Arrays.fill(w, 1.0 / k);
        return new Background(out, w, "random sample of " + k + " of " + copy.length + " rows, seed " + seed);
    }

    /**
     * A weighted k-means summary, like {@code shap.kmeans(data, k)}: k-means++ seeding (Arthur and
     * Vassilvitskii 2007, doi:10.1145/1283383.1283494) followed by Lloyd iterations (at most 300, until
     * no assignment changes); then every center coordinate is <em>snapped to the nearest value that
     * feature takes in the data</em> (shap's {@code round_values=True}), so that binary and integer
     * features keep values the model has seen; each center is weighted by the number of rows in its
     * cluster. Clusters that end up empty are dropped. With {@code k >= data.length} the rows
     * themselves are returned with equal weights.
     *
     * <p>The result differs from shap's in the exact centers (sklearn's KMeans uses a different
     * initialisation stream), not in the method.
     *
     * @param data the data to summarise
     * @param k    the number of clusters (at least 1)
     * @param seed the seed of the k-means++ initialisation
     * @return the weighted background
     */
    public static Background kmeans(double[][] data, int k, long seed) {
        double[][] x = checkedCopy(data, "data");
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (k >= x.length) {
            return of(x);
        }
        int n = x.length;
        int d = x[0].length;
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] centers = new double[k][];
        centers[0] = x[rng.nextInt(n)].clone();
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                dist[i] = Math.min(dist[i], sq(x[i], centers[c - 1]));
                total += dist[i];
            }
            int pick;
            if (total > 0) {
                double u = rng.nextDouble() * total;
                pick = n - 1;
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    acc += dist[i];
                    if (acc > u) {
                        pick = i;
                        break;
                    }
                }
            } else {
                pick = rng.nextInt(n);
            }
            centers[c] = x[pick].clone();
        }
        int[] assign = new int[n];
        Arrays.fill(assign, -1);
        for (int iter = 0; iter < 300; iter++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bd = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double s = sq(x[i], centers[c]);
                    if (s < bd) {
                        bd = s;
                        best = c;
                    }
                }
                if (assign[i] != best) {
                    assign[i] = best;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            double[][] sums = new double[k][d];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                counts[assign[i]]++;
                for (int j = 0; j < d; j++) {
                    sums[assign[i]][j] += x[i][j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0) {
                    for (int j = 0; j < d; j++) {
                        centers[c][j] = sums[c][j] / counts[c];
                    }
                }
            }
        }
        int[] counts = new int[k];
        for (int a : assign) {
            counts[a]++;
        }
        int kept = 0;
        for (int c = 0; c < k; c++) {
            if (counts[c] > 0) {
                kept++;
            }
        }
        double[][] out = new double[kept][];
        double[] w = new double[kept];
        int o = 0;
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                continue;
            }
            double[] center = centers[c];
            for (int j = 0; j < d; j++) {
                double bestV = x[0][j];
                double bestD = Math.abs(x[0][j] - center[j]);
                for (int i = 1; i < n; i++) {
                    double dd = Math.abs(x[i][j] - center[j]);
                    if (dd < bestD) {
                        bestD = dd;
                        bestV = x[i][j];
                    }
                }
                center[j] = bestV;
            }
            out[o] = center;
            w[o] = (double) counts[c] / n;
            o++;
        }
        return new Background(out, w, "k-means summary: " + kept + " centers of " + n + " rows, seed " + seed);
    }

    private static double sq(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double t = a[j] - b[j];
            s += t * t;
        }
        return s;
    }

    private static double[][] checkedCopy(double[][] rows, String name) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException(name + " must hold at least one row");
        }
        if (rows[0] == null || rows[0].length == 0) {
            throw new IllegalArgumentException(name + " row 0 must hold at least one column");
        }
        int d = rows[0].length;
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            if (r == null || r.length != d) {
                throw new IllegalArgumentException(name + " row " + i + " has " + (r == null ? "no values"
                        : r.length + " columns") + ", expected " + d + " (the width of row 0)");
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(r[j])) {
                    throw new IllegalArgumentException(name + " row " + i + ", column " + j + " is " + r[j]
                            + "; values must be finite");
                }
            }
            copy[i] = r.clone();
        }
        return copy;
    }

    /** @return the number of background rows */
    public int size() {
        return rows.length;
    }

    /** @return the number of columns of every row */
    public int width() {
        return rows[0].length;
    }

    /** @return a copy of the rows */
    public double[][] rows() {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }

    /** @return a copy of the weights, normalised to sum to 1 */
    public double[] weights() {
        return weights.clone();
    }

    /** @return row {@code i} (a copy) */
    public double[] row(int i) {
        return rows[i].clone();
    }

    /** @return how the background was made, for reports and provenance */
    public String description() {
        return description;
    }

    /** @return the fingerprint of the rows and weights */
    public Fingerprint fingerprint() {
        Fingerprint.Builder b = Fingerprint.builder();
        for (double[] r : rows) {
            b.add(r);
        }
        b.add(weights);
        return b.build(rows.length, width());
    }

    @Override
    public String toString() {
        return "Background[" + description + ", " + width() + " columns]";
    }
}
