package dev.candor.explain.lime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The bins of every continuous feature, learned from training data, with each bin's training
 * statistics and readable condition; immutable.
 *
 * <p>For a feature with merged, strictly increasing edges e<sub>0</sub> &lt; ... &lt;
 * e<sub>K-1</sub> there are K + 1 bins; a value v belongs to bin
 * {@code #{k : e_k < v}} (numpy's {@code searchsorted(edges, v, side='left')}), so a value equal to
 * an edge goes to the lower bin. The conditions read {@code "f <= e0"}, {@code "e0 < f <= e1"}, ...,
 * {@code "f > e(K-1)"}, each number with two decimals rounded half-even on its exact binary value
 * (as Python's {@code '%.2f'}).
 *
 * <p>Edge cases: a constant column has one edge (its value) and so one observed bin, whose
 * indicator is the same for every sample; LIME then gives that feature a weight of exactly 0. The
 * last bin, and with percentile edges occasionally a middle bin, can be empty (count 0); empty bins
 * are never sampled. Categorical features are not discretized.
 *
 * <p>Reference: {@code lime/discretize.py} of the {@code lime} package, version 0.2.0.1.
 *
 * @since 0.1.0
 */
public final class Discretizer {

    private final Discretization method;
    private final double[][] edges;      // null for a feature that is not discretized
    private final BinStats[][] stats;    // null for a feature that is not discretized
    private final String[][] conditions; // null for a feature that is not discretized

    private Discretizer(Discretization method, double[][] edges, BinStats[][] stats, String[][] conditions) {
        this.method = method;
        this.edges = edges;
        this.stats = stats;
        this.conditions = conditions;
    }

    /**
     * Learns the bins of every feature that is not categorical.
     *
     * @param method       {@link Discretization#QUARTILE}, {@link Discretization#DECILE} or
     *                     {@link Discretization#ENTROPY}
     * @param data         training rows (n &ge; 1, all of the same width, no NaN or infinity)
     * @param categorical  {@code categorical[j]} is true for a feature that is not discretized
     * @param labels       class labels (integers &ge; 0), one per row; required for
     *                     {@link Discretization#ENTROPY}, ignored otherwise (may be null)
     * @param featureNames names used in the conditions, one per feature
     * @return the discretizer
     * @throws IllegalArgumentException if the method is {@link Discretization#NONE}, the data are
     *                                  empty, ragged or not finite, or entropy labels are missing,
     *                                  of the wrong length or negative
     */
    public static Discretizer fit(Discretization method, double[][] data, boolean[] categorical, int[] labels,
                                  String[] featureNames) {
        if (method == null || method == Discretization.NONE) {
            throw new IllegalArgumentException("method must be QUARTILE, DECILE or ENTROPY, got " + method);
        }
        int m = TrainingData.checkMatrix(data, "data");
        if (categorical.length != m || featureNames.length != m) {
            throw new IllegalArgumentException("categorical and featureNames must have " + m
                    + " entries (the data's width), got " + categorical.length + " and " + featureNames.length);
        }
        int numClasses = 0;
        if (method == Discretization.ENTROPY) {
            if (labels == null) {
                throw new IllegalArgumentException("labels: ENTROPY discretization needs the training labels");
            }
            if (labels.length != data.length) {
                throw new IllegalArgumentException("labels: expected " + data.length + " labels (one per training row), got "
                        + labels.length);
            }
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0) {
                    throw new IllegalArgumentException("labels: must be class indices >= 0, row " + i + " has " + labels[i]);
                }
                numClasses = Math.max(numClasses, labels[i] + 1);
            }
        }
        int n = data.length;
        double[][] edges = new double[m][];
        BinStats[][] stats = new BinStats[m][];
        String[][] conditions = new String[m][];
        double[] column = new double[n];
        for (int j = 0; j < m; j++) {
            if (categorical[j]) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                column[i] = data[i][j];
            }
            double[] sorted = column.clone();
            Arrays.sort(sorted);
            double[] raw = switch (method) {
                case QUARTILE -> Percentiles.of(sorted, new double[] {25, 50, 75});
                case DECILE -> Percentiles.of(sorted, new double[] {10, 20, 30, 40, 50, 60, 70, 80, 90});
                case ENTROPY -> EntropySplits.thresholds(column, labels, numClasses);
                case NONE -> throw new AssertionError();
            };
            double[] e = Percentiles.unique(raw);
            edges[j] = e;
            stats[j] = binStats(column, e, sorted[0], sorted[n - 1]);
            conditions[j] = conditions(featureNames[j], e);
        }
        return new Discretizer(method, edges, stats, conditions);
    }

    private static BinStats[] binStats(double[] column, double[] e, double min, double max) {
        int bins = e.length + 1;
        int[] count = new int[bins];
        double[] sum = new double[bins];
        for (double v : column) {
            int b = bin(e, v);
            count[b]++;
            sum[b] += v;
        }
        double[] mean = new double[bins];
        for (int b = 0; b < bins; b++) {
            mean[b] = count[b] == 0 ? 0 : sum[b] / count[b];
        }
        double[] ss = new double[bins];
        for (double v : column) {
            int b = bin(e, v);
            double d = v - mean[b];
            ss[b] += d * d;
        }
        BinStats[] out = new BinStats[bins];
        for (int b = 0; b < bins; b++) {
            double lo = b == 0 ? min : e[b - 1];
            double hi = b == bins - 1 ? max : e[b];
            double std = count[b] == 0 ? 0 : Math.sqrt(ss[b] / count[b]);
            out[b] = new BinStats(count[b], lo, hi, mean[b], std);
        }
        return out;
    }

    private static String[] conditions(String name, double[] e) {
        int k = e.length;
        String[] c = new String[k + 1];
        c[0] = name + " <= " + twoDecimals(e[0]);
        for (int i = 0; i < k - 1; i++) {
            c[i + 1] = twoDecimals(e[i]) + " < " + name + " <= " + twoDecimals(e[i + 1]);
        }
        c[k] = name + " > " + twoDecimals(e[k - 1]);
        return c;
    }

    /**
     * Formats like Python's {@code '%.2f'}: the exact binary value rounded half-even, keeping the
     * sign of a negative number that rounds to zero.
     */
    static String twoDecimals(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v).toLowerCase(java.util.Locale.ROOT).replace("infinity", "inf");
        }
        BigDecimal r = new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN);
        String s = r.toPlainString();
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        if (negative && r.signum() == 0) {
            s = "-" + s;
        }
        return s;
    }

    static int bin(double[] edges, double v) {
        int b = 0;
        while (b < edges.length && edges[b] < v) {
            b++;
        }
        return b;
    }

    /** @return the method the edges were learned with */
    public Discretization method() {
        return method;
    }

    /** @return the number of features (discretized or not) */
    public int numFeatures() {
        return edges.length;
    }

    /**
     * @param feature a feature index
     * @return whether the feature is discretized (false for categorical features)
     */
    public boolean isDiscretized(int feature) {
        return edges[checkFeature(feature)] != null;
    }

    /**
     * @param feature a discretized feature's index
     * @return its merged, strictly increasing edges (a copy)
     */
    public double[] edges(int feature) {
        return requireDiscretized(feature).clone();
    }

    /**
     * @param feature a discretized feature's index
     * @return its number of bins, {@code edges(feature).length + 1}, empty bins included
     */
    public int numBins(int feature) {
        return requireDiscretized(feature).length + 1;
    }

    /**
     * @param feature a discretized feature's index
     * @return the training statistics of its bins, in bin order
     */
    public List<BinStats> bins(int feature) {
        requireDiscretized(feature);
        return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(stats[feature])));
    }

    /**
     * The bin of a value: the number of edges strictly below it.
     *
     * @param feature a discretized feature's index
     * @param value   a value (not NaN)
     * @return its bin in {@code [0, numBins(feature))}
     * @throws IllegalArgumentException if the value is NaN
     */
    public int bin(int feature, double value) {
        double[] e = requireDiscretized(feature);
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("value: NaN has no bin (feature " + feature + ")");
        }
        return bin(e, value);
    }

    /**
     * @param feature a discretized feature's index
     * @param bin     a bin of it
     * @return the bin's readable condition, for example {@code "2.00 < f3 <= 4.00"}
     */
    public String condition(int feature, int bin) {
        requireDiscretized(feature);
        if (bin < 0 || bin >= conditions[feature].length) {
            throw new IllegalArgumentException("bin: feature " + feature + " has bins 0.."
                    + (conditions[feature].length - 1) + ", got " + bin);
        }
        return conditions[feature][bin];
    }

    BinStats stats(int feature, int bin) {
        return stats[feature][bin];
    }

    private int checkFeature(int feature) {
        if (feature < 0 || feature >= edges.length) {
            throw new IllegalArgumentException("feature: expected 0.." + (edges.length - 1) + ", got " + feature);
        }
        return feature;
    }

    private double[] requireDiscretized(int feature) {
        double[] e = edges[checkFeature(feature)];
        if (e == null) {
            throw new IllegalArgumentException("feature " + feature + " is categorical and has no bins");
        }
        return e;
    }
}
