package dev.candor.fairness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the bootstrap resamples: the rows of one attribute, reduced to the smallest exact form.
 *
 * <p>Every group metric is a function of the per-group counts, so resampling n rows with replacement
 * is the same as drawing how many rows fall into each distinct <i>cell</i>. A cell is a
 * (group, true label, prediction) combination — and, with weights, a distinct weight value — with
 * its multiplicity {@code m_c}; one resample is {@code Multinomial(n, m / n)} over the cells, which
 * costs O(cells · log n) instead of O(n). This is exact, not an approximation. With weights that take
 * many distinct values (more than {@value #MAX_CELLS} cells, or more than n/16) the rows themselves
 * are resampled (O(n) per resample).
 *
 * @since 0.1.0
 */
public final class BootstrapSample {

    /** The largest cell table resampled as a multinomial. */
    public static final int MAX_CELLS = 4096;

    private final String attribute;
    private final List<String> groups;
    private final long rows;
    // cell table
    private final int[] cellGroup;
    private final int[] cellCode;
    private final double[] cellWeight;
    private final long[] cellCount;
    // row fallback
    private final int[] yTrue;
    private final int[] yPred;
    private final double[] weights;
    private final int[] codes;

    private BootstrapSample(String attribute, List<String> groups, long rows, int[] cellGroup, int[] cellCode,
                            double[] cellWeight, long[] cellCount, int[] yTrue, int[] yPred, double[] weights,
                            int[] codes) {
        this.attribute = attribute;
        this.groups = List.copyOf(groups);
        this.rows = rows;
        this.cellGroup = cellGroup;
        this.cellCode = cellCode;
        this.cellWeight = cellWeight;
        this.cellCount = cellCount;
        this.yTrue = yTrue;
        this.yPred = yPred;
        this.weights = weights;
        this.codes = codes;
    }

    /**
     * From unweighted counts alone (they are sufficient).
     *
     * @param counts unweighted group counts
     * @return the sample
     * @throws IllegalArgumentException if the counts are weighted
     */
    public static BootstrapSample of(GroupCounts counts) {
        int k = counts.size();
        int[] g = new int[4 * k];
        int[] code = new int[4 * k];
        double[] w = new double[4 * k];
        long[] m = new long[4 * k];
        long n = 0;
        for (int i = 0; i < k; i++) {
            ConfusionCounts c = counts.counts(i);
            if (c.isWeighted()) {
                throw new IllegalArgumentException("counts of '" + counts.attribute() + "' are weighted; "
                        + "the bootstrap needs the rows: use BootstrapSample.of(yTrue, yPred, weights, attribute)");
            }
            long[] byCode = {c.rowsTn(), c.rowsFp(), c.rowsFn(), c.rowsTp()};
            for (int cc = 0; cc < 4; cc++) {
                g[4 * i + cc] = i;
                code[4 * i + cc] = cc;
                w[4 * i + cc] = 1.0;
                m[4 * i + cc] = byCode[cc];
                n += byCode[cc];
            }
        }
        return new BootstrapSample(counts.attribute(), counts.groups(), n, g, code, w, m, null, null, null, null);
    }

    /**
     * From rows, with or without weights.
     *
     * @param yTrue     true labels, 0/1
     * @param yPred     predictions, 0/1
     * @param weights   instance weights or null
     * @param attribute the groups
     * @return the sample
     */
    public static BootstrapSample of(int[] yTrue, int[] yPred, double[] weights, GroupAttribute attribute) {
        if (weights == null) {
            return of(GroupCounter.count(yTrue, yPred, null, attribute));
        }
        GroupCounter.count(yTrue, yPred, weights, attribute); // validates every input
        int n = yTrue.length;
        int[] codes = attribute.codes();
        Map<CellKey, long[]> table = new HashMap<>();
        List<CellKey> order = new ArrayList<>();
        int limit = Math.min(MAX_CELLS, Math.max(64, n / 16));
        for (int i = 0; i < n && table.size() <= limit; i++) {
            CellKey key = new CellKey(codes[i], yTrue[i] << 1 | yPred[i], weights[i]);
            long[] c = table.get(key);
            if (c == null) {
                c = new long[1];
                table.put(key, c);
                order.add(key);
            }
            c[0]++;
        }
        if (table.size() > limit) {
            return new BootstrapSample(attribute.name(), attribute.values(), n, null, null, null, null,
                    yTrue, yPred, weights, codes);
        }
        int size = order.size();
        int[] g = new int[size];
        int[] code = new int[size];
        double[] w = new double[size];
        long[] m = new long[size];
        for (int j = 0; j < size; j++) {
            CellKey key = order.get(j);
            g[j] = key.group;
            code[j] = key.code;
            w[j] = key.weight;
            m[j] = table.get(key)[0];
        }
        return new BootstrapSample(attribute.name(), attribute.values(), n, g, code, w, m, null, null, null, null);
    }

    private record CellKey(int group, int code, double weight) {
    }

    /** @return the attribute's name */
    public String attribute() {
        return attribute;
    }

    /** @return the number of rows */
    public long rows() {
        return rows;
    }

    /** @return true when resampling draws from a cell table (O(cells) per resample) rather than rows */
    public boolean isCellTable() {
        return cellCount != null;
    }

    /** @return the number of cells (0 when rows are resampled) */
    public int cells() {
        return cellCount == null ? 0 : cellCount.length;
    }

    /** @return a description of the resampling scheme, for provenance */
    public String method() {
        return isCellTable() ? "multinomial over " + cells() + " (group, label, prediction"
                + (allUnit() ? "" : ", weight") + ") cells" : "row resampling";
    }

    private boolean allUnit() {
        for (double w : cellWeight) {
            if (w != 1.0) {
                return false;
            }
        }
        return true;
    }

    /** The group counts of the original sample. */
    GroupCounts original() {
        return isCellTable() ? fromCells(cellCount) : GroupCounter.count(yTrue, yPred, weights,
                new GroupAttribute(attribute, codes, groups));
    }

    /** One resample of n rows with replacement. */
    GroupCounts resample(SplittableRandom r) {
        if (isCellTable()) {
            long[] drawn = new long[cellCount.length];
            Sampling.multinomial(r, rows, cellCount, drawn);
            return fromCells(drawn);
        }
        int n = (int) rows;
        int k = groups.size();
        double[] s = new double[4 * k];
        double[] q = new double[4 * k];
        long[] c = new long[4 * k];
        for (int i = 0; i < n; i++) {
            int row = r.nextInt(n);
            int cell = codes[row] << 2 | yTrue[row] << 1 | yPred[row];
            double w = weights[row];
            c[cell]++;
            s[cell] += w;
            q[cell] += w * w;
        }
        return build(s, q, c);
    }

    private GroupCounts fromCells(long[] drawn) {
        int k = groups.size();
        double[] s = new double[4 * k];
        double[] q = new double[4 * k];
        long[] c = new long[4 * k];
        for (int j = 0; j < drawn.length; j++) {
            int cell = cellGroup[j] << 2 | cellCode[j];
            c[cell] += drawn[j];
            s[cell] += drawn[j] * cellWeight[j];
            q[cell] += drawn[j] * cellWeight[j] * cellWeight[j];
        }
        return build(s, q, c);
    }

    private GroupCounts build(double[] s, double[] q, long[] c) {
        int k = groups.size();
        List<ConfusionCounts> out = new ArrayList<>(k);
        for (int g = 0; g < k; g++) {
            int b = g << 2;
            // cell code = 2y + p: 0 tn, 1 fp, 2 fn, 3 tp
            out.add(new ConfusionCounts(s[b + 3], s[b + 1], s[b], s[b + 2], c[b + 3], c[b + 1], c[b], c[b + 2],
                    q[b + 3], q[b + 1], q[b], q[b + 2]));
        }
        return GroupCounts.of(attribute, groups, out);
    }

    @Override
    public String toString() {
        return "BootstrapSample[" + attribute + ", " + rows + " rows, " + method() + "]";
    }
}
