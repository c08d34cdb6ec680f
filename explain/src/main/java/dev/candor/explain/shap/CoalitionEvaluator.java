package dev.candor.explain.shap;

import dev.candor.explain.Background;
import java.util.Arrays;

/**
 * The value of feature coalitions for one explained row: the one evaluator behind {@link KernelShap}
 * and {@link ExactShap} (the role of shap's {@code MaskedModel}).
 *
 * <p>For a row x, players {@code varying[0..m)} and a batch of coalition masks
 * ({@code masks[c * m + j] != 0} when varying player j is in coalition c), it builds the masked rows
 * (background row z_b with the coalition's columns taken from x), calls the model in batches of at
 * most {@code maxBatchRows} rows and averages over the background with its weights:
 * {@code value[c][k] = g(sum_b w_b f_k(x_S, z_b,notS))}. Non-finite outputs and means outside the
 * link's domain are reported with the coalition and background row.
 *
 * <p><b>De-duplication</b> (optional, up to 64 varying players; see
 * {@link KernelShap.Builder#deduplicateRows(boolean)}): the row of coalition c over background row b
 * depends only on {@code bits(c) & diff(b)}, diff(b) being the varying players where x differs from
 * z_b, so each distinct row is evaluated once (an open-addressing table per b, generation-stamped so
 * it is never cleared). The averages are summed in the same order, so the values are bit-for-bit
 * those of the plain evaluation.
 *
 * <p>Immutable and thread-safe (if the model is); the mutable buffers live in {@link Buffers}, one
 * per worker.
 */
final class CoalitionEvaluator {

    private final BatchModel model;
    private final int outputs;
    private final double[][] bg;
    private final double[] bgw;
    private final int n;
    private final int d;
    private final int[][] groupCols;
    private final Link link;
    private final int maxBatchRows;
    private final boolean dedup;
    private final double[] fnull;

    /**
     * Evaluates the model on the background (the expected output, checked like every model call).
     *
     * @throws IllegalArgumentException if the groups do not match the background or an output is bad
     */
    CoalitionEvaluator(BatchModel model, Background background, FeatureGroups groups, Link link, int maxBatchRows,
                       boolean dedup) {
        this.model = model;
        this.outputs = model.outputs();
        this.bg = background.rows();
        this.bgw = background.weights();
        this.n = bg.length;
        this.d = background.width();
        if (groups.width() != d) {
            throw new IllegalArgumentException("groups cover " + groups.width() + " columns but the background has "
                    + d + " columns");
        }
        this.groupCols = groups.columnsUnsafe();
        this.link = link;
        this.maxBatchRows = maxBatchRows;
        this.dedup = dedup;
        double[] out = new double[n * outputs];
        model.predict(bg, out);
        this.fnull = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double v = out[i * outputs + k];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("model returned " + v + " for background row " + i
                            + (outputs > 1 ? ", output " + k : "") + "; outputs must be finite");
                }
                s += bgw[i] * v;
            }
            fnull[k] = s;
            checkLinkDomain(s, "the mean background output" + (outputs > 1 ? " of output " + k : ""));
        }
    }

    int outputs() {
        return outputs;
    }

    int backgroundRows() {
        return n;
    }

    int width() {
        return d;
    }

    int players() {
        return groupCols.length;
    }

    boolean deduplicates() {
        return dedup;
    }

    /** @return the weighted mean background output E[f] of output k (not on the link scale) */
    double expected(int k) {
        return fnull[k];
    }

    /** @return {@code g(E[f])} of output k */
    double baseValue(int k) {
        return link.apply(fnull[k]);
    }

    /**
     * Lists the players whose columns differ from some background value; the others are dummies.
     *
     * @return m, with the players in {@code varying[0..m)}
     */
    int varyingPlayers(double[] x, int[] varying) {
        int m = 0;
        for (int g = 0; g < groupCols.length; g++) {
            if (varies(x, groupCols[g])) {
                varying[m++] = g;
            }
        }
        return m;
    }

    private boolean varies(double[] x, int[] cols) {
        for (int c : cols) {
            double v = x[c];
            for (double[] z : bg) {
                if (z[c] != v) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Checks a row to explain.
     *
     * @param name the argument's name in messages
     * @param row  its index in a batch, or -1 for a single row
     * @throws IllegalArgumentException if it is null, of the wrong width or holds NaN or infinite values
     */
    void checkRow(double[] x, String name, int row) {
        String where = row < 0 ? name : name + " row " + row;
        if (x == null) {
            throw new IllegalArgumentException(where + " is null");
        }
        if (x.length != d) {
            throw new IllegalArgumentException(where + " has " + x.length + " columns but the background has " + d);
        }
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(x[j])) {
                throw new IllegalArgumentException(where + ", column " + j + " is " + x[j] + "; values must be finite");
            }
        }
    }

    /** @return f(x) alone (checked), from one model call of one row */
    double[] predictRow(Buffers ws, double[] x) {
        double[][] one = ws.rows(1);
        System.arraycopy(x, 0, one[0], 0, d);
        double[] o = ws.out(outputs);
        model.predict(one, o);
        double[] fx = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            fx[k] = checkOutput(o[k], "x", k);
            checkLinkDomain(fx[k], "the model output for x");
        }
        ws.lastModelRows = 1;
        return fx;
    }

    /**
     * Evaluates {@code count} coalitions: writes {@code g(sum_b w_b f_k(x_S, z_b))} of coalition c to
     * {@code values[(offset + c) * outputs + k]}.
     *
     * @param withX also evaluate x itself (in the last batch) and return f(x); otherwise return null
     * @param first the index of coalition 0 in error messages
     */
    double[] evaluate(Buffers ws, double[] x, int[] varying, int m, byte[] masks, int count, double[] values,
                      int offset, boolean withX, long first) {
        return dedup && m <= 64
                ? DistinctRows.evaluate(this, ws, x, varying, m, masks, count, values, offset, withX, first)
                : evaluatePlain(ws, x, varying, m, masks, count, values, offset, withX, first);
    }

    private double[] evaluatePlain(Buffers ws, double[] x, int[] varying, int m, byte[] masks, int count,
                                   double[] values, int offset, boolean withX, long first) {
        int per = Math.max(1, maxBatchRows / n);
        double[] fx = withX ? new double[outputs] : null;
        int[] inCols = ws.inCols;
        for (int start = 0; start < count; start += per) {
            int end = Math.min(count, start + per);
            boolean last = withX && end == count;
            int nrows = (end - start) * n + (last ? 1 : 0);
            double[][] rows = ws.rows(nrows);
            int r = 0;
            for (int c = start; c < end; c++) {
                int off = c * m;
                int k = 0;
                for (int j = 0; j < m; j++) {
                    if (masks[off + j] != 0) {
                        for (int col : groupCols[varying[j]]) {
                            inCols[k++] = col;
                        }
                    }
                }
                for (int b = 0; b < n; b++) {
                    double[] row = rows[r++];
                    System.arraycopy(bg[b], 0, row, 0, d);
                    for (int q = 0; q < k; q++) {
                        int col = inCols[q];
                        row[col] = x[col];
                    }
                }
            }
            if (last) {
                System.arraycopy(x, 0, rows[r], 0, d);
            }
            double[] out = ws.out(nrows * outputs);
            model.predict(rows, out);
            for (int c = start; c < end; c++) {
                int base = (c - start) * n * outputs;
                for (int k = 0; k < outputs; k++) {
                    double s = 0;
                    for (int b = 0; b < n; b++) {
                        s += bgw[b] * out[base + b * outputs + k];
                    }
                    if (!Double.isFinite(s)) {
                        for (int b = 0; b < n; b++) {
                            checkOutput(out[base + b * outputs + k], "coalition " + (first + c)
                                    + " with background row " + b, k);
                        }
                    }
                    checkLinkDomain(s, "the mean model output of coalition " + (first + c));
                    values[(offset + c) * outputs + k] = link.apply(s);
                }
            }
            if (last) {
                for (int k = 0; k < outputs; k++) {
                    fx[k] = checkOutput(out[(nrows - 1) * outputs + k], "x", k);
                    checkLinkDomain(fx[k], "the model output for x");
                }
            }
        }
        ws.lastModelRows = (long) count * n + (withX ? 1 : 0);
        return fx;
    }

    // --- shared with DistinctRows ---

    BatchModel model() {
        return model;
    }

    double[][] background() {
        return bg;
    }

    double[] backgroundWeights() {
        return bgw;
    }

    int[][] groupColumns() {
        return groupCols;
    }

    int maxBatchRows() {
        return maxBatchRows;
    }

    Link link() {
        return link;
    }

    double checkOutput(double v, String what, int k) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("model returned " + v + " for " + what
                    + (outputs > 1 ? ", output " + k : "") + "; outputs must be finite");
        }
        return v;
    }

    void checkLinkDomain(double v, String what) {
        if (link == Link.LOGIT && !(v > 0 && v < 1)) {
            throw new IllegalArgumentException(what + " is " + v + "; the logit link needs model outputs strictly "
                    + "between 0 and 1");
        }
    }

    /** @return fresh buffers for one worker */
    Buffers buffers() {
        return new Buffers(d, n);
    }

    /** Per-worker buffers, reused across the rows a worker explains. Not thread-safe. */
    static final class Buffers {
        private final int d;
        private double[][] buf = new double[0][];
        private double[][] view = new double[0][];
        private double[] out = new double[0];
        final int[] inCols;
        // distinct-row evaluation
        long[] coalitionBits = new long[0];
        final long[] diff;
        int[] rowOf = new int[0];
        /** Background row b's distinct rows are {@code bgStart[b]..bgStart[b + 1]}. */
        final int[] bgStart;
        long[] distinctKey = new long[0];
        double[] distinctOut = new double[0];
        long[] tableKey = new long[0];
        int[] tableVal = new int[0];
        int[] tableStamp = new int[0];
        int stamp;
        /** Keys of at most this many free bits are de-duplicated in a direct table instead of a hash table. */
        static final int DIRECT_BITS = 16;
        int[] compress = new int[0];
        final int[] place = new int[8];
        /** Direct table of row indices by compressed key, all -1 between uses (allocated on first use). */
        int[] direct;
        double[] acc = new double[0];
        boolean[] complementOfPrevious = new boolean[0];
        /** Per background row b: x equals z_b bit for bit outside diff(b) (no zero differs in sign). */
        final boolean[] sameOutside;
        /** The column of each varying player, when every varying player is one column. */
        final int[] singleCol;
        /** Model rows evaluated by the last call (for provenance). */
        long lastModelRows;

        Buffers(int d, int n) {
            this.d = d;
            this.inCols = new int[d];
            this.diff = new long[n];
            this.sameOutside = new boolean[n];
            this.bgStart = new int[n + 1];
            this.singleCol = new int[d];
        }

        double[][] rows(int count) {
            if (buf.length < count) {
                double[][] nb = Arrays.copyOf(buf, count);
                for (int i = buf.length; i < count; i++) {
                    nb[i] = new double[d];
                }
                buf = nb;
            }
            if (count == buf.length) {
                return buf;
            }
            if (view.length != count) {
                view = Arrays.copyOf(buf, count);
            } else {
                System.arraycopy(buf, 0, view, 0, count);
            }
            return view;
        }

        double[] out(int size) {
            if (out.length < size) {
                out = new double[size];
            }
            return out;
        }
    }
}
