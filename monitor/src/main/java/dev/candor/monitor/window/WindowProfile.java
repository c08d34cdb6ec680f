package dev.candor.monitor.window;

import dev.candor.core.RadixSort;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything one monitoring window needs, filled in one pass and mergeable: the exact numeric
 * feature values (growable primitive arrays, so exact KS and Wasserstein are reproduced), the count
 * of every category, missing counts, and per row the label, score, prediction and protected-group
 * codes (so performance, ROC AUC, group confusion counts and CBPE per group can be computed).
 *
 * <p>The three steps are separate so that a stream processor can use this class as its
 * aggregation accumulator: {@link #add(WindowRow)} per row, {@link #merge(WindowProfile)} for partial
 * aggregates (by concatenation and addition, in any order), and {@link #evaluate} once the window
 * closes. Evaluation first puts the rows in a canonical order (by score, label, prediction, groups),
 * so the result does not depend on the order rows were added or profiles merged.
 *
 * <p>Memory is linear in the rows (8 bytes per numeric value and about 20 bytes per row for the
 * model columns); a window of 10^6 rows × 30 features takes about 250 MB. The class is
 * {@link Serializable}; instances are not thread-safe while being filled.
 *
 * @since 0.2.0
 */
public final class WindowProfile implements Serializable {

    private static final long serialVersionUID = 1L;

    private final WindowSchema schema;
    private long rows;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private final DoubleColumn[] numeric;
    private final long[] numericMissing;
    private final TreeMap<String, Long>[] categories;
    private final long[] categoricalMissing;
    private final IntColumn labels = new IntColumn();
    private final IntColumn predictions = new IntColumn();
    private final DoubleColumn scores = new DoubleColumn();
    private final IntColumn[] groups;
    private final List<List<String>> dictionaries;

    /**
     * @param schema what the rows hold
     */
    @SuppressWarnings("unchecked")
    public WindowProfile(WindowSchema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        numeric = new DoubleColumn[schema.numeric().size()];
        for (int i = 0; i < numeric.length; i++) {
            numeric[i] = new DoubleColumn();
        }
        numericMissing = new long[numeric.length];
        categories = new TreeMap[schema.categorical().size()];
        for (int i = 0; i < categories.length; i++) {
            categories[i] = new TreeMap<>();
        }
        categoricalMissing = new long[categories.length];
        groups = new IntColumn[schema.protectedAttributes().size()];
        dictionaries = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            groups[i] = new IntColumn();
            dictionaries.add(new ArrayList<>());
        }
    }

    /** @return the schema */
    public WindowSchema schema() {
        return schema;
    }

    /**
     * Adds one row.
     *
     * @param row the row, laid out by the schema
     * @return this profile
     * @throws IllegalArgumentException naming the row and column for a wrong width, an infinite
     *                                  feature value, a label or prediction other than 0/1/missing
     */
    public WindowProfile add(WindowRow row) {
        if (row.numeric().length != numeric.length || row.categorical().length != categories.length
                || row.groups().length != groups.length) {
            throw new IllegalArgumentException("row " + row.index() + ": expected " + numeric.length + " numeric, "
                    + categories.length + " categorical and " + groups.length + " protected values");
        }
        for (int i = 0; i < numeric.length; i++) {
            double v = row.numeric()[i];
            if (Double.isNaN(v)) {
                numericMissing[i]++;
            } else if (Double.isInfinite(v)) {
                throw new IllegalArgumentException("row " + row.index() + ", feature '" + schema.numeric().get(i)
                        + "': non-finite value " + v);
            } else {
                numeric[i].add(v == 0.0 ? 0.0 : v);
            }
        }
        for (int i = 0; i < categories.length; i++) {
            String v = row.categorical()[i];
            if (v == null) {
                categoricalMissing[i]++;
            } else {
                categories[i].merge(v, 1L, Long::sum);
            }
        }
        check(row.index(), "label", row.label());
        check(row.index(), "prediction", row.prediction());
        if (Double.isInfinite(row.score())) {
            throw new IllegalArgumentException("row " + row.index() + ", score: non-finite value " + row.score());
        }
        labels.add(row.label());
        predictions.add(row.prediction());
        scores.add(row.score());
        for (int a = 0; a < groups.length; a++) {
            String g = row.groups()[a];
            if (g == null) {
                throw new IllegalArgumentException("row " + row.index() + ", protected attribute '"
                        + schema.protectedAttributes().get(a) + "': missing value");
            }
            List<String> dict = dictionaries.get(a);
            int code = dict.indexOf(g);
            if (code < 0) {
                code = dict.size();
                dict.add(g);
            }
            groups[a].add(code);
        }
        rows++;
        first = Math.min(first, row.index());
        last = Math.max(last, row.index());
        return this;
    }

    private static void check(long row, String what, int v) {
        if (v != 0 && v != 1 && v != WindowRow.MISSING) {
            throw new IllegalArgumentException("row " + row + ", " + what + ": " + v + " is not 0, 1 or missing");
        }
    }

    /**
     * @param other a profile of the same schema
     * @return a new profile holding the rows of both (this one and {@code other} are unchanged)
     */
    public WindowProfile merge(WindowProfile other) {
        if (!schema.equals(other.schema)) {
            throw new IllegalArgumentException("cannot merge window profiles of different schemas: " + schema
                    + " vs " + other.schema);
        }
        WindowProfile m = new WindowProfile(schema);
        m.absorb(this);
        m.absorb(other);
        return m;
    }

    private void absorb(WindowProfile o) {
        rows += o.rows;
        first = Math.min(first, o.first);
        last = Math.max(last, o.last);
        for (int i = 0; i < numeric.length; i++) {
            numeric[i].addAll(o.numeric[i]);
            numericMissing[i] += o.numericMissing[i];
        }
        for (int i = 0; i < categories.length; i++) {
            TreeMap<String, Long> c = categories[i];
            o.categories[i].forEach((k, v) -> c.merge(k, v, Long::sum));
            categoricalMissing[i] += o.categoricalMissing[i];
        }
        labels.addAll(o.labels, null);
        predictions.addAll(o.predictions, null);
        scores.addAll(o.scores);
        for (int a = 0; a < groups.length; a++) {
            List<String> dict = dictionaries.get(a);
            List<String> od = o.dictionaries.get(a);
            int[] remap = new int[od.size()];
            for (int j = 0; j < od.size(); j++) {
                int code = dict.indexOf(od.get(j));
                if (code < 0) {
                    code = dict.size();
                    dict.add(od.get(j));
                }
                remap[j] = code;
            }
            groups[a].addAll(o.groups[a], remap);
        }
    }

    /** @return the rows added */
    public long rows() {
        return rows;
    }

    /** @return the smallest row index added, {@code Long.MAX_VALUE} when empty */
    public long firstRow() {
        return first;
    }

    /** @return the largest row index added, {@code Long.MIN_VALUE} when empty */
    public long lastRow() {
        return last;
    }

    /**
     * Evaluates the window against a reference.
     *
     * @param reference the reference, built once
     * @param window    the window's key and bounds
     * @return the immutable result
     */
    public WindowResult evaluate(MonitorReference reference, Window window) {
        return WindowEvaluation.evaluate(snapshot(), reference, window);
    }

    /**
     * Evaluates the window against a reference, keyed by its rows ({@code [first:last]}).
     *
     * @param reference the reference
     * @return the immutable result
     */
    public WindowResult evaluate(MonitorReference reference) {
        if (rows == 0) {
            throw new IllegalStateException("a window with no rows cannot be evaluated");
        }
        return evaluate(reference, Window.ofRows(first, last, true));
    }

    /** @return labels in the order rows were added (calibration folds refer to these positions) */
    int[] labelsAsAdded() {
        int[] v = new int[labels.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = labels.get(i);
        }
        return v;
    }

    /** @return scores in the order rows were added */
    double[] scoresAsAdded() {
        return scores.toArray();
    }

    /** The rows in canonical order, as plain arrays. */
    WindowData snapshot() {
        int n = labels.size();
        int[][] codes = new int[groups.length][];
        String[][] names = new String[groups.length][];
        int[][] rank = new int[groups.length][];
        for (int a = 0; a < groups.length; a++) {
            List<String> dict = dictionaries.get(a);
            names[a] = dict.toArray(new String[0]);
            String[] sorted = names[a].clone();
            Arrays.sort(sorted);
            rank[a] = new int[dict.size()];
            for (int j = 0; j < dict.size(); j++) {
                rank[a][j] = Arrays.binarySearch(sorted, names[a][j]);
            }
            codes[a] = new int[n];
        }
        // by score, label, prediction, then each attribute's group name: stable sorts from the last key
        // to the first
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] key = new double[n];
        for (int a = groups.length - 1; a >= 0; a--) {
            for (int i = 0; i < n; i++) {
                key[i] = rank[a][groups[a].get(i)];
            }
            RadixSort.stableBy(order, key);
        }
        for (int i = 0; i < n; i++) {
            key[i] = predictions.get(i);
        }
        RadixSort.stableBy(order, key);
        for (int i = 0; i < n; i++) {
            key[i] = labels.get(i);
        }
        RadixSort.stableBy(order, key);
        RadixSort.stableBy(order, scores.toArray());
        int[] y = new int[n];
        int[] p = new int[n];
        double[] s = new double[n];
        String[][] g = new String[groups.length][n];
        for (int i = 0; i < n; i++) {
            int r = order[i];
            y[i] = labels.get(r);
            p[i] = predictions.get(r);
            s[i] = scores.get(r);
            for (int a = 0; a < groups.length; a++) {
                g[a][i] = names[a][groups[a].get(r)];
            }
        }
        double[][] num = new double[numeric.length][];
        for (int i = 0; i < numeric.length; i++) {
            double[] v = numeric[i].toArray();
            RadixSort.sort(v); // the order of Arrays.sort, in linear time
            double[] withMissing = Arrays.copyOf(v, v.length + (int) numericMissing[i]);
            Arrays.fill(withMissing, v.length, withMissing.length, Double.NaN);
            num[i] = withMissing;
        }
        String[][] cat = new String[categories.length][];
        for (int i = 0; i < categories.length; i++) {
            long total = categoricalMissing[i];
            for (long c : categories[i].values()) {
                total += c;
            }
            String[] v = new String[(int) total];
            int k = 0;
            for (Map.Entry<String, Long> e : categories[i].entrySet()) {
                for (long j = 0; j < e.getValue(); j++) {
                    v[k++] = e.getKey();
                }
            }
            cat[i] = v;
        }
        return new WindowData(schema, rows, num, cat, y, p, s, g);
    }
}
