package dev.candor.explain.shap;

/**
 * {@link CoalitionEvaluator}'s de-duplicated evaluation: each distinct masked row is passed to the
 * model once. The row of coalition c over background row b is determined by
 * {@code key = bits(c) & diff(b)}, diff(b) being the varying players where x differs from background
 * row b; keys are de-duplicated per b with an open-addressing table (generation-stamped, so it is
 * never cleared). The averages over b are summed in the same order as the plain evaluation, so the
 * values are bit-for-bit the same. Used for up to 64 varying players.
 */
final class DistinctRows {

    private DistinctRows() {
    }

    static double[] evaluate(CoalitionEvaluator ev, CoalitionEvaluator.Buffers ws, double[] x, int[] varying, int m,
                             byte[] masks, int count, double[] values, int offset, boolean withX, long first) {
        int n = ev.backgroundRows();
        int d = ev.width();
        int outputs = ev.outputs();
        double[][] bg = ev.background();
        double[] bgw = ev.backgroundWeights();
        int[][] groupCols = ev.groupColumns();
        Link link = ev.link();
        if (ws.coalitionBits.length < count) {
            ws.coalitionBits = new long[count];
        }
        long[] bits = ws.coalitionBits;
        for (int c = 0; c < count; c++) {
            long v = 0;
            int off = c * m;
            for (int j = 0; j < m; j++) {
                v |= (long) masks[off + j] << j;
            }
            bits[c] = v;
        }
        long all = m == 64 ? -1L : (1L << m) - 1;
        for (int b = 0; b < n; b++) {
            long dv = 0;
            for (int j = 0; j < m; j++) {
                for (int col : groupCols[varying[j]]) {
                    if (bg[b][col] != x[col]) {
                        dv |= 1L << j;
                        break;
                    }
                }
            }
            ws.diff[b] = dv;
        }
        int cells = count * n;
        if (ws.rowOf.length < cells) {
            ws.rowOf = new int[cells];
            ws.distinctBg = new int[cells + 1];
            ws.distinctKey = new long[cells + 1];
        }
        int size = Integer.highestOneBit(Math.max(16, count) * 2) * 2;
        if (ws.tableKey.length < size) {
            ws.tableKey = new long[size];
            ws.tableVal = new int[size];
            ws.tableStamp = new int[size];
            ws.stamp = 0;
        }
        int tmask = ws.tableKey.length - 1;
        long[] tk = ws.tableKey;
        int[] tv = ws.tableVal;
        int[] ts = ws.tableStamp;
        int[] rowOf = ws.rowOf;
        int[] dBg = ws.distinctBg;
        long[] dKey = ws.distinctKey;
        int u = 0;
        for (int b = 0; b < n; b++) {
            long dv = ws.diff[b];
            if (dv == all) {
                for (int c = 0; c < count; c++) {
                    rowOf[c * n + b] = u;
                    dBg[u] = b;
                    dKey[u++] = bits[c];
                }
                continue;
            }
            int gen = ++ws.stamp;
            if (gen == Integer.MAX_VALUE) {
                java.util.Arrays.fill(ts, 0);
                ws.stamp = gen = 1;
            }
            for (int c = 0; c < count; c++) {
                long key = bits[c] & dv;
                long h = key * 0x9E3779B97F4A7C15L;
                int slot = (int) (h ^ (h >>> 29)) & tmask;
                int found;
                while (true) {
                    if (ts[slot] != gen) {
                        ts[slot] = gen;
                        tk[slot] = key;
                        tv[slot] = u;
                        dBg[u] = b;
                        dKey[u] = key;
                        found = u++;
                        break;
                    }
                    if (tk[slot] == key) {
                        found = tv[slot];
                        break;
                    }
                    slot = (slot + 1) & tmask;
                }
                rowOf[c * n + b] = found;
            }
        }
        int distinct = u;
        int totalRows = distinct + (withX ? 1 : 0); // x itself last
        if (ws.distinctOut.length < totalRows * outputs) {
            ws.distinctOut = new double[totalRows * outputs];
        }
        double[] dOut = ws.distinctOut;
        int per = Math.max(1, ev.maxBatchRows());
        int[] inCols = ws.inCols;
        // one column per varying player (no groups): write x's value straight from flat arrays
        boolean singles = true;
        int[] singleCol = new int[m];
        double[] singleX = new double[m];
        for (int j = 0; j < m && singles; j++) {
            int[] cols = groupCols[varying[j]];
            singles = cols.length == 1;
            singleCol[j] = cols[0];
            singleX[j] = x[cols[0]];
        }
        for (int start = 0; start < totalRows; start += per) {
            int end = Math.min(totalRows, start + per);
            double[][] rows = ws.rows(end - start);
            for (int r = start; r < end; r++) {
                double[] row = rows[r - start];
                if (r == distinct) {
                    System.arraycopy(x, 0, row, 0, d);
                    continue;
                }
                System.arraycopy(bg[dBg[r]], 0, row, 0, d);
                long key = dKey[r];
                if (singles) {
                    while (key != 0) {
                        int j = Long.numberOfTrailingZeros(key);
                        key &= key - 1;
                        row[singleCol[j]] = singleX[j];
                    }
                    continue;
                }
                int k = 0;
                while (key != 0) {
                    int j = Long.numberOfTrailingZeros(key);
                    key &= key - 1;
                    for (int col : groupCols[varying[j]]) {
                        inCols[k++] = col;
                    }
                }
                for (int q = 0; q < k; q++) {
                    int col = inCols[q];
                    row[col] = x[col];
                }
            }
            double[] out = ws.out((end - start) * outputs);
            ev.model().predict(rows, out);
            System.arraycopy(out, 0, dOut, start * outputs, (end - start) * outputs);
        }
        for (int c = 0; c < count; c++) {
            int base = c * n;
            for (int k = 0; k < outputs; k++) {
                double s = 0;
                for (int b = 0; b < n; b++) {
                    s += bgw[b] * dOut[rowOf[base + b] * outputs + k];
                }
                if (!Double.isFinite(s)) {
                    for (int b = 0; b < n; b++) {
                        ev.checkOutput(dOut[rowOf[base + b] * outputs + k],
                                "coalition " + (first + c) + " with background row " + b, k);
                    }
                }
                if (link == Link.LOGIT && !(s > 0 && s < 1)) {
                    ev.checkLinkDomain(s, "the mean model output of coalition " + (first + c));
                }
                values[(offset + c) * outputs + k] = link.apply(s);
            }
        }
        double[] fx = null;
        if (withX) {
            fx = new double[outputs];
            for (int k = 0; k < outputs; k++) {
                fx[k] = ev.checkOutput(dOut[distinct * outputs + k], "x", k);
                ev.checkLinkDomain(fx[k], "the model output for x");
            }
        }
        ws.lastModelRows = totalRows;
        return fx;
    }
}
