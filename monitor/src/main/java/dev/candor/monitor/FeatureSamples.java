package dev.candor.monitor;

import dev.candor.core.RadixSort;
import java.util.Arrays;
import java.util.Objects;

/**
 * One feature's reference and current samples, prepared once for every drift test: numeric values
 * are sorted once and merged into runs of distinct values; categorical labels are coded against
 * the ascending union of categories (row order is kept, which the TVD permutation test needs).
 * Unweighted numeric values are checked and copied when the samples are built, and sorted on first
 * use by a test, so that {@link DriftAnalysis} sorts the features on its worker threads.
 *
 * <p>Input rules:
 * <ul>
 *   <li>a missing value ({@code NaN} for numbers, {@code null} for labels) is counted in
 *       {@link #missing(Side)} and left out of the tests, as Evidently does; it is never dropped
 *       silently: {@link #missingShare(Side)} is its own drift signal;</li>
 *   <li>an infinite value is an error naming the feature, the side and the row;</li>
 *   <li>a side with no non-missing value is an error naming the feature and the side;</li>
 *   <li>{@code -0.0} is read as {@code 0.0}, as numpy compares them equal.</li>
 * </ul>
 *
 * <p>Instances are immutable and safe to share between threads once built.
 *
 * @since 0.1.0
 */
public final class FeatureSamples {

    private final String feature;
    private final FeatureKind kind;
    private final int nRef;
    private final int nCur;
    private final long missingRef;
    private final long missingCur;
    // numeric: sorted by prepareNumeric() on first use unless built sorted (weighted samples)
    private double[] refSorted;
    private double[] curSorted;
    private boolean sorted;
    private Pooled pooled;
    // categorical
    private int[] refCodes;
    private int[] curCodes;
    private CategoryTable table;
    // weights (null when unweighted): aligned with the sorted values (numeric) or summed per category
    private double[] refWeights;
    private double[] curWeights;

    private FeatureSamples(String feature, FeatureKind kind, double[] refSorted, double[] curSorted,
            int[] refCodes, int[] curCodes, CategoryTable table, long missingRef, long missingCur) {
        this.feature = feature;
        this.kind = kind;
        this.refSorted = refSorted;
        this.curSorted = curSorted;
        this.refCodes = refCodes;
        this.curCodes = curCodes;
        this.table = table;
        this.missingRef = missingRef;
        this.missingCur = missingCur;
        this.nRef = refSorted != null ? refSorted.length : refCodes.length;
        this.nCur = curSorted != null ? curSorted.length : curCodes.length;
    }

    private FeatureSamples(String feature, CategoryTable table, long missingRef, long missingCur) {
        this.feature = feature;
        this.kind = FeatureKind.CATEGORICAL;
        this.refSorted = null;
        this.curSorted = null;
        this.table = table;
        this.missingRef = missingRef;
        this.missingCur = missingCur;
        this.nRef = intCount(feature, Side.REFERENCE, table.referenceTotal());
        this.nCur = intCount(feature, Side.CURRENT, table.currentTotal());
    }

    /**
     * Categorical samples known only by their counts (a profile's categories or histogram slots). The
     * tests that read row order (TVD's permutation) see the rows grouped by category, ascending.
     *
     * @param feature    the feature's name (used in messages)
     * @param table      the counts per category on both sides
     * @param missingRef missing values in the reference
     * @param missingCur missing values in the current sample
     * @return the samples
     * @throws IllegalArgumentException if a side has no value, or more than {@code Integer.MAX_VALUE}
     */
    static FeatureSamples ofCounts(String feature, CategoryTable table, long missingRef, long missingCur) {
        return new FeatureSamples(feature, table, missingRef, missingCur);
    }

    private static int intCount(String feature, Side side, long n) {
        if (n == 0) {
            throw new IllegalArgumentException("feature '" + feature + "': the " + side.key()
                    + " sample has no non-missing value");
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("feature '" + feature + "': the " + side.key() + " sample has " + n
                    + " values, more than the " + Integer.MAX_VALUE + " a comparison supports");
        }
        return (int) n;
    }

    private static int[] groupedCodes(CategoryTable t, boolean reference, int n) {
        int[] out = new int[n];
        int k = 0;
        for (int c = 0; c < t.size(); c++) {
            long count = reference ? t.ref(c) : t.cur(c);
            for (long j = 0; j < count; j++) {
                out[k++] = c;
            }
        }
        return out;
    }

    /**
     * @param feature   the feature's name (used in messages)
     * @param reference reference values, {@code NaN} for missing
     * @param current   current values, {@code NaN} for missing
     * @return the prepared samples
     * @throws IllegalArgumentException if a value is infinite or a side has no non-missing value
     */
    public static FeatureSamples numeric(String feature, double[] reference, double[] current) {
        Objects.requireNonNull(feature, "feature");
        double[] r = clean(feature, Side.REFERENCE, Objects.requireNonNull(reference, "reference"));
        double[] c = clean(feature, Side.CURRENT, Objects.requireNonNull(current, "current"));
        return new FeatureSamples(feature, FeatureKind.NUMERIC, r, c, null, null, null,
                reference.length - r.length, current.length - c.length);
    }

    /**
     * Weighted numeric samples. A weight must be finite and non-negative; a row of weight 0 counts
     * as absent (as zero copies of it would), a missing value is counted as missing whatever its
     * weight. Integer weights give exactly the results of rows repeated that many times.
     *
     * @param feature          the feature's name (used in messages)
     * @param reference        reference values, {@code NaN} for missing
     * @param referenceWeights one weight per reference value
     * @param current          current values, {@code NaN} for missing
     * @param currentWeights   one weight per current value
     * @return the prepared samples
     * @throws IllegalArgumentException for a negative, NaN or infinite weight or an infinite value
     *                                  (naming feature, side and row), a length mismatch, or a side
     *                                  without a non-missing value of positive weight
     */
    public static FeatureSamples numeric(String feature, double[] reference, double[] referenceWeights,
            double[] current, double[] currentWeights) {
        Objects.requireNonNull(feature, "feature");
        double[][] r = cleanWeighted(feature, Side.REFERENCE, reference, referenceWeights);
        double[][] c = cleanWeighted(feature, Side.CURRENT, current, currentWeights);
        FeatureSamples s = new FeatureSamples(feature, FeatureKind.NUMERIC, r[0], c[0], null, null, null,
                (long) r[2][0], (long) c[2][0]);
        s.refWeights = r[1];
        s.curWeights = c[1];
        s.sorted = true;
        return s;
    }

    /**
     * Weighted categorical samples, with the rules of the weighted
     * {@link #numeric(String, double[], double[], double[], double[])}.
     *
     * @param feature          the feature's name (used in messages)
     * @param reference        reference labels, {@code null} for missing
     * @param referenceWeights one weight per reference label
     * @param current          current labels, {@code null} for missing
     * @param currentWeights   one weight per current label
     * @return the prepared samples
     */
    public static FeatureSamples categorical(String feature, String[] reference, double[] referenceWeights,
            String[] current, double[] currentWeights) {
        Objects.requireNonNull(feature, "feature");
        String[] r = dropZeroWeights(feature, Side.REFERENCE, reference, referenceWeights);
        String[] c = dropZeroWeights(feature, Side.CURRENT, current, currentWeights);
        FeatureSamples s = categorical(feature, r, c);
        double[] rw = new double[s.table.size()];
        double[] cw = new double[s.table.size()];
        sumPerCategory(reference, referenceWeights, s.table, rw);
        sumPerCategory(current, currentWeights, s.table, cw);
        s.refWeights = rw;
        s.curWeights = cw;
        return s;
    }

    private static void sumPerCategory(String[] labels, double[] weights, CategoryTable t, double[] out) {
        java.util.HashMap<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            index.put(t.keys().get(i), i);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != null && weights[i] > 0) {
                out[index.get(labels[i])] += weights[i];
            }
        }
    }

    private static void checkWeight(String feature, Side side, int row, double w) {
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("feature '" + feature + "', " + side.key() + " row " + row
                    + ": weight " + w + " is " + (Double.isNaN(w) ? "NaN" : w < 0 ? "negative" : "not finite")
                    + "; weights must be finite and >= 0");
        }
    }

    private static void checkLengths(String feature, Side side, int values, double[] weights) {
        Objects.requireNonNull(weights, side.key() + " weights");
        if (weights.length != values) {
            throw new IllegalArgumentException("feature '" + feature + "': " + values + " " + side.key()
                    + " values but " + weights.length + " weights");
        }
    }

    /** Missing labels stay (they are counted as missing); labels of weight 0 are left out. */
    private static String[] dropZeroWeights(String feature, Side side, String[] values, double[] weights) {
        checkLengths(feature, side, values.length, weights);
        java.util.List<String> kept = new java.util.ArrayList<>();
        boolean positive = false;
        for (int i = 0; i < values.length; i++) {
            checkWeight(feature, side, i, weights[i]);
            if (values[i] == null || weights[i] > 0) {
                kept.add(values[i]);
                positive |= values[i] != null;
            }
        }
        if (!positive && values.length > 0) {
            throw new IllegalArgumentException("feature '" + feature + "': the " + side.key()
                    + " sample has no non-missing value of positive weight");
        }
        return kept.toArray(String[]::new);
    }

    /** @return {sorted values, their weights, {missing count}} */
    private static double[][] cleanWeighted(String feature, Side side, double[] values, double[] weights) {
        Objects.requireNonNull(values, side.key());
        checkLengths(feature, side, values.length, weights);
        long missing = 0;
        int k = 0;
        double[] v = new double[values.length];
        double[] w = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            checkWeight(feature, side, i, weights[i]);
            double x = values[i];
            if (Double.isNaN(x)) {
                missing++;
                continue;
            }
            if (Double.isInfinite(x)) {
                throw new IllegalArgumentException("feature '" + feature + "', " + side.key() + " row " + i
                        + ": non-finite value " + x);
            }
            if (weights[i] > 0) {
                v[k] = x == 0.0 ? 0.0 : x;
                w[k] = weights[i];
                k++;
            }
        }
        if (k == 0) {
            throw new IllegalArgumentException("feature '" + feature + "': the " + side.key()
                    + (values.length == 0 ? " sample is empty" : " sample has no non-missing value of positive weight"));
        }
        double[] sv = k == v.length ? v : Arrays.copyOf(v, k);
        double[] sw = k == w.length ? w : Arrays.copyOf(w, k);
        RadixSort.sort(sv, sw); // stable: tied values keep their weights in row order
        return new double[][] {sv, sw, {missing}};
    }

    private static double[] clean(String feature, Side side, double[] values) {
        double[] out = new double[values.length];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException("feature '" + feature + "', " + side.key() + " row " + i
                        + ": non-finite value " + v);
            }
            out[k++] = v == 0.0 ? 0.0 : v;
        }
        if (k == 0) {
            throw new IllegalArgumentException("feature '" + feature + "': the " + side.key()
                    + (values.length == 0 ? " sample is empty" : " sample has only missing values"));
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /**
     * @param feature   the feature's name (used in messages)
     * @param reference reference labels, {@code null} for missing
     * @param current   current labels, {@code null} for missing
     * @return the prepared samples
     * @throws IllegalArgumentException if a side has no non-missing label
     */
    public static FeatureSamples categorical(String feature, String[] reference, String[] current) {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(current, "current");
        // Code labels by first appearance through a hash map (one lookup per row), then renumber the few
        // distinct labels in ascending order.
        java.util.HashMap<String, Integer> seen = new java.util.HashMap<>();
        java.util.List<String> labels = new java.util.ArrayList<>();
        int[] r = provisionalCodes(feature, Side.REFERENCE, reference, seen, labels);
        int[] c = provisionalCodes(feature, Side.CURRENT, current, seen, labels);
        String[] sorted = labels.toArray(String[]::new);
        Arrays.sort(sorted);
        int[] rank = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            rank[seen.get(sorted[i])] = i;
        }
        long[] rc = new long[sorted.length];
        long[] cc = new long[sorted.length];
        renumber(r, rank, rc);
        renumber(c, rank, cc);
        CategoryTable t = new CategoryTable(java.util.List.of(sorted), null, rc, cc);
        return new FeatureSamples(feature, FeatureKind.CATEGORICAL, null, null, r, c, t,
                reference.length - r.length, current.length - c.length);
    }

    private static int[] provisionalCodes(String feature, Side side, String[] values,
            java.util.HashMap<String, Integer> seen, java.util.List<String> labels) {
        int[] out = new int[values.length];
        int k = 0;
        for (String v : values) {
            if (v == null) {
                continue;
            }
            Integer code = seen.get(v);
            if (code == null) {
                code = labels.size();
                seen.put(v, code);
                labels.add(v);
            }
            out[k++] = code;
        }
        if (k == 0) {
            throw new IllegalArgumentException("feature '" + feature + "': the " + side.key()
                    + (values.length == 0 ? " sample is empty" : " sample has only missing values"));
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    private static void renumber(int[] codes, int[] rank, long[] counts) {
        for (int i = 0; i < codes.length; i++) {
            int c = rank[codes[i]];
            codes[i] = c;
            counts[c]++;
        }
    }

    /** @return the feature's name */
    public String feature() {
        return feature;
    }

    /** @return numeric or categorical */
    public FeatureKind kind() {
        return kind;
    }

    /** @return the number of non-missing values on a side */
    public int size(Side side) {
        return side == Side.REFERENCE ? nRef : nCur;
    }

    /** @return the number of missing values on a side */
    public long missing(Side side) {
        return side == Side.REFERENCE ? missingRef : missingCur;
    }

    /** @return the share of missing values on a side, in [0, 1] */
    public double missingShare(Side side) {
        long m = missing(side);
        return (double) m / (m + size(side));
    }

    /**
     * @return the counts per category over the union of both sides; for a numeric feature each
     *         distinct value is a category
     */
    public CategoryTable categories() {
        CategoryTable t = table;
        if (t == null) {
            t = CategoryTable.ofPooled(pooled());
            table = t;
        }
        return t;
    }

    /** @return the number of distinct values over both sides (Evidently's {@code n_values}) */
    public int distinctValues() {
        return kind == FeatureKind.NUMERIC ? pooled().size() : table.size();
    }

    /** @return the number of distinct values in the reference */
    public int distinctReference() {
        if (kind == FeatureKind.NUMERIC) {
            return pooled().distinctReference();
        }
        int c = 0;
        for (int i = 0; i < table.size(); i++) {
            if (table.ref(i) > 0) {
                c++;
            }
        }
        return c;
    }

    /** @return whether the samples carry weights */
    public boolean weighted() {
        return refWeights != null;
    }

    /**
     * The weights: numeric, aligned with {@link #sorted(Side)}; categorical, summed per category of
     * {@link #categories()}. {@code null} when unweighted.
     */
    double[] weights(Side side) {
        return side == Side.REFERENCE ? refWeights : curWeights;
    }

    Pooled pooled() {
        requireNumeric();
        return prepareNumeric();
    }

    double[] sorted(Side side) {
        requireNumeric();
        prepareNumeric();
        return side == Side.REFERENCE ? refSorted : curSorted;
    }

    /**
     * Sorts both sides once (unless built sorted) and merges them into their runs of distinct values;
     * every rank, ECDF, moment and binning statistic of the feature reads these.
     */
    private synchronized Pooled prepareNumeric() {
        if (!sorted) {
            RadixSort.sort(refSorted);
            RadixSort.sort(curSorted);
            sorted = true;
        }
        if (pooled == null) {
            pooled = weighted() ? Pooled.of(refSorted, refWeights, curSorted, curWeights)
                    : Pooled.of(refSorted, curSorted);
        }
        return pooled;
    }

    int[] codes(Side side) {
        if (kind != FeatureKind.CATEGORICAL) {
            throw new IllegalStateException("feature '" + feature + "' is numeric");
        }
        if (side == Side.REFERENCE) {
            int[] c = refCodes;
            if (c == null) {
                c = groupedCodes(table, true, nRef);
                refCodes = c;
            }
            return c;
        }
        int[] c = curCodes;
        if (c == null) {
            c = groupedCodes(table, false, nCur);
            curCodes = c;
        }
        return c;
    }

    private void requireNumeric() {
        if (kind != FeatureKind.NUMERIC) {
            throw new IllegalStateException("feature '" + feature + "' is categorical");
        }
    }
}
