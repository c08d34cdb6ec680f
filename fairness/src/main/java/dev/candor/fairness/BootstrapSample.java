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
 * many distinct values (more than {@value #MAX_CELLS} cells, or more than n/16) every row instead gets
 * an independent Poisson(1) multiplicity, streamed cell by cell over a copy of the weights grouped by
 * cell (O(n) per resample with sequential memory access and no scattered writes; O(n) extra memory): the Poisson bootstrap, whose resample size varies around n and which approximates
 * the multinomial bootstrap closely for large n (Hanley and MacGibbon, Comput. Methods Programs Biomed.
 * 83(1) 2006, doi:10.1016/j.cmpb.2006.04.006; Chamandy et al., "Estimating uncertainty for massive data
 * streams", Google 2012).
 *
 * @since 0.1.0
 */
public final class BootstrapSample {

    /** The largest cell table resampled as a multinomial. */
    public static final int MAX_CELLS = 4096;

    private final String attribute;
    private final List<String> groups;
    private final long rows;
    /** Exactly one of the two schemes is set. */
    private final CellTable cells;
    private final PoissonRows poisson;

    private BootstrapSample(String attribute, List<String> groups, long rows, CellTable cells) {
        this.attribute = attribute;
        this.groups = List.copyOf(groups);
        this.rows = rows;
        this.cells = cells;
        this.poisson = null;
    }

    private BootstrapSample(String attribute, List<String> groups, PoissonRows poisson) {
        this.attribute = attribute;
        this.groups = List.copyOf(groups);
        this.rows = poisson.yTrue.length;
        this.cells = null;
        this.poisson = poisson;
    }

    /**
     * The distinct (group, 2y + p, weight) cells and their multiplicities.
     *
     * @param group  the group code of each cell
     * @param code   the cell code {@code 2y + p} of each cell
     * @param weight the weight of each cell's rows
     * @param count  the number of rows in each cell
     */
    private record CellTable(int[] group, int[] code, double[] weight, long[] count) {
    }

    /** The rows, with their weights also grouped by cell for the streamed Poisson resample. */
    private static final class PoissonRows {
        final int[] yTrue;
        final int[] yPred;
        final double[] weights;
        final int[] codes;
        /** The weights grouped by cell (cell = group << 2 | 2y + p); cell j at [cellStart[j], cellStart[j+1]). */
        final double[] weightsByCell;
        final int[] cellStart;

        PoissonRows(int[] yTrue, int[] yPred, double[] weights, int[] codes, int groups) {
            this.yTrue = yTrue;
            this.yPred = yPred;
            this.weights = weights;
            this.codes = codes;
            int cells = 4 * groups;
            cellStart = new int[cells + 1];
            for (int i = 0; i < yTrue.length; i++) {
                cellStart[(codes[i] << 2 | yTrue[i] << 1 | yPred[i]) + 1]++;
            }
            for (int j = 0; j < cells; j++) {
                cellStart[j + 1] += cellStart[j];
            }
            int[] next = java.util.Arrays.copyOf(cellStart, cells);
            weightsByCell = new double[yTrue.length];
            for (int i = 0; i < yTrue.length; i++) {
                weightsByCell[next[codes[i] << 2 | yTrue[i] << 1 | yPred[i]]++] = weights[i];
            }
        }
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
        return new BootstrapSample(counts.attribute(), counts.groups(), n, new CellTable(g, code, w, m));
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
            return new BootstrapSample(attribute.name(), attribute.values(),
                    new PoissonRows(yTrue, yPred, weights, codes, attribute.size()));
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
        return new BootstrapSample(attribute.name(), attribute.values(), n, new CellTable(g, code, w, m));
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
        return cells != null;
    }

    /** @return the number of cells (0 when rows are resampled) */
    public int cells() {
        return cells == null ? 0 : cells.count().length;
    }

    /** @return a description of the resampling scheme, for provenance */
    public String method() {
        return isCellTable() ? "multinomial over " + cells() + " (group, label, prediction"
                + (allUnit() ? "" : ", weight") + ") cells"
                : "Poisson(1) multiplicity per row (many distinct weights)";
    }

    private boolean allUnit() {
        for (double w : cells.weight()) {
            if (w != 1.0) {
                return false;
            }
        }
        return true;
    }

    /** The group counts of the original sample. */
    GroupCounts original() {
        return isCellTable() ? fromCells(cells.count()) : GroupCounter.count(poisson.yTrue, poisson.yPred,
                poisson.weights, new GroupAttribute(attribute, poisson.codes, groups));
    }

    /** P(X <= j) of Poisson(1), j = 0..17 (the last is 1 to double precision). */
    private static final double[] POISSON_ONE_CDF = poissonOneCdf();

    private static double[] poissonOneCdf() {
        double[] cdf = new double[18];
        double term = Math.exp(-1);
        double sum = term;
        for (int j = 0; j < cdf.length; j++) {
            cdf[j] = sum;
            term /= j + 1;
            sum += term;
        }
        cdf[cdf.length - 1] = 1.0;
        return cdf;
    }

    /** Bucket b of [0, 1) in 4096 equal parts -> the Poisson(1) value when the whole bucket maps to one, else -1. */
    private static final byte[] POISSON_ONE_TABLE = poissonOneTable();

    private static byte[] poissonOneTable() {
        byte[] t = new byte[4096];
        for (int b = 0; b < t.length; b++) {
            int lo = inverse(b / 4096.0);
            int hi = inverse(Math.nextDown((b + 1) / 4096.0));
            t[b] = (byte) (lo == hi ? lo : -1);
        }
        return t;
    }

    private static int inverse(double u) {
        int j = 0;
        while (u >= POISSON_ONE_CDF[j]) {
            j++;
        }
        return j;
    }

    /**
     * A Poisson(1) variate by exact inversion of its CDF, given the top 12 bits {@code bucket} of the
     * uniform: the table answers unless the bucket straddles a CDF step (17 of 4096 buckets); then the
     * rest of the uniform is drawn and the CDF searched.
     */
    private static int poissonOne(SplittableRandom r, int bucket) {
        int v = POISSON_ONE_TABLE[bucket];
        return v >= 0 ? v : inverse((bucket + r.nextDouble()) / 4096.0);
    }

    /**
     * One resample: an exact multinomial draw of n rows over the cell table, or, with many distinct
     * weights, a Poisson(1) multiplicity for every row (streamed in row order).
     */
    GroupCounts resample(SplittableRandom r) {
        if (isCellTable()) {
            long[] drawn = new long[cells.count().length];
            Sampling.multinomial(r, rows, cells.count(), drawn);
            return fromCells(drawn);
        }
        int k = groups.size();
        double[] s = new double[4 * k];
        double[] q = new double[4 * k];
        long[] c = new long[4 * k];
        int[] cellStart = poisson.cellStart;
        double[] weightsByCell = poisson.weightsByCell;
        for (int cell = 0; cell < 4 * k; cell++) {
            long times = 0;
            double sum = 0;
            double squares = 0;
            int i = cellStart[cell];
            int end = cellStart[cell + 1];
            while (i < end) {
                // five 12-bit table lookups per 64-bit random word
                long bits = r.nextLong();
                int m = Math.min(5, end - i);
                for (int j = 0; j < m; j++, i++) {
                    int t = poissonOne(r, (int) (bits >>> (12 * j)) & 4095);
                    double w = weightsByCell[i];
                    double tw = t * w;
                    times += t;
                    sum += tw;
                    squares += tw * w;
                }
            }
            c[cell] = times;
            s[cell] = sum;
            q[cell] = squares;
        }
        return build(s, q, c);
    }

    private GroupCounts fromCells(long[] drawn) {
        int k = groups.size();
        double[] s = new double[4 * k];
        double[] q = new double[4 * k];
        long[] c = new long[4 * k];
        int[] cellGroup = cells.group();
        int[] cellCode = cells.code();
        double[] cellWeight = cells.weight();
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
            out.add(ConfusionCounts.ofCells(s, c, q, g << 2));
        }
        return GroupCounts.of(attribute, groups, out);
    }

    @Override
    public String toString() {
        return "BootstrapSample[" + attribute + ", " + rows + " rows, " + method() + "]";
    }
}
