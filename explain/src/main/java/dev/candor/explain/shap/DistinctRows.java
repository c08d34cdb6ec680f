package dev.candor.explain.shap;

/**
 * {@link CoalitionEvaluator}'s de-duplicated evaluation: each distinct masked row is passed to the
 * model once. The row of coalition c over background row b is determined by
 * {@code key = bits(c) & diff(b)}, diff(b) being the varying players where x differs from background
 * row b. When diff(b) has at most {@code DIRECT_BITS} players, the key is compressed to that many
 * bits (one 256-entry table per byte of diff(b), built per b) and looked up in a direct table without
 * branches; a coalition that follows its complement takes the complement of the previous index.
 * Otherwise keys are de-duplicated with an open-addressing table (generation-stamped, so it is never
 * cleared). The averages over b are summed in the same order as the plain evaluation, so the values
 * are bit-for-bit the same. Used for up to 64 varying players.
 */
final class DistinctRows {

    private static final java.lang.invoke.VarHandle BYTES_AS_LONG =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

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
        int whole = m & ~7;
        for (int c = 0; c < count; c++) {
            long v = 0;
            int off = c * m;
            for (int j = 0; j < whole; j += 8) {
                // eight 0/1 bytes to eight bits: byte i of the little-endian word lands on bit 56 + i
                long eight = (long) BYTES_AS_LONG.get(masks, off + j);
                v |= ((eight * 0x0102040810204080L) >>> 56) << j;
            }
            for (int j = whole; j < m; j++) {
                v |= (long) masks[off + j] << j;
            }
            bits[c] = v;
        }
        long all = m == 64 ? -1L : (1L << m) - 1;
        if (ws.complementOfPrevious.length < count) {
            ws.complementOfPrevious = new boolean[count];
        }
        boolean[] complementOfPrevious = ws.complementOfPrevious;
        for (int c = 0; c < count; c++) {
            complementOfPrevious[c] = c > 0 && bits[c] == (~bits[c - 1] & all);
        }
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
        int nbytes = (m + 7) >>> 3;
        if (ws.compress.length < nbytes << 8) {
            ws.compress = new int[nbytes << 8];
        }
        int[] lut = ws.compress;
        if (ws.direct == null) {
            ws.direct = new int[1 << CoalitionEvaluator.Buffers.DIRECT_BITS];
            java.util.Arrays.fill(ws.direct, -1);
        }
        int[] direct = ws.direct;
        if (ws.distinctIdx.length < cells + 1) {
            ws.distinctIdx = new int[cells + 1];
        }
        int[] dIdx = ws.distinctIdx;
        int tmask = ws.tableKey.length - 1;
        long[] tk = ws.tableKey;
        int[] tv = ws.tableVal;
        int[] ts = ws.tableStamp;
        int[] rowOf = ws.rowOf; // rowOf[b * count + c]
        int[] dBg = ws.distinctBg;
        long[] dKey = ws.distinctKey;
        int u = 0;
        for (int b = 0; b < n; b++) {
            long dv = ws.diff[b];
            int base = b * count;
            if (dv == all) {
                for (int c = 0; c < count; c++) {
                    rowOf[base + c] = u;
                    dBg[u] = b;
                    dKey[u++] = bits[c];
                }
                continue;
            }
            int p = Long.bitCount(dv);
            if (p <= CoalitionEvaluator.Buffers.DIRECT_BITS) {
                // key = bits & dv has p free bits: compress it to p bits through one table per byte of
                // the mask and index a direct table (reset after use through the keys found)
                int rank = 0;
                for (int q = 0; q < nbytes; q++) {
                    int mb = (int) (dv >>> (q << 3)) & 0xff;
                    int o = q << 8;
                    lut[o] = 0;
                    int[] place = ws.place;
                    int bitsHere = 0;
                    for (int t = 0; t < 8; t++) {
                        place[t] = (mb >>> t & 1) != 0 ? 1 << (rank + bitsHere++) : 0;
                    }
                    rank += bitsHere;
                    for (int v = 1; v < 256; v++) {
                        lut[o + v] = lut[o + (v & (v - 1))] | place[Integer.numberOfTrailingZeros(v)];
                    }
                }
                int start = u;
                int full = (1 << p) - 1;
                int idx = 0;
                for (int c = 0; c < count; c++) {
                    if (complementOfPrevious[c]) {
                        idx ^= full; // the key of a complement is dv minus the key
                    } else {
                        long key = bits[c];
                        idx = 0;
                        for (int q = 0; q < nbytes; q++) {
                            idx |= lut[(q << 8) | ((int) (key >>> (q << 3)) & 0xff)];
                        }
                    }
                    // branch-free insert: the slot at u is written every time and kept only when new
                    int r = direct[idx];
                    boolean isNew = r < 0;
                    r = isNew ? u : r;
                    direct[idx] = r;
                    dBg[u] = b;
                    dKey[u] = bits[c] & dv;
                    dIdx[u] = idx;
                    u += isNew ? 1 : 0;
                    rowOf[base + c] = r;
                }
                for (int r = start; r < u; r++) {
                    direct[dIdx[r]] = -1;
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
                rowOf[base + c] = found;
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
            int stop = Math.min(end, distinct);
            if (stop < end) {
                System.arraycopy(x, 0, rows[distinct - start], 0, d); // x itself, the last row
            }
            for (int r = start; r < stop; r++) {
                double[] row = rows[r - start];
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
        // sum over the background in order b = 0..n-1 for every coalition (the plain evaluation's order)
        if (ws.acc.length < count * outputs) {
            ws.acc = new double[count * outputs];
        }
        double[] acc = ws.acc;
        java.util.Arrays.fill(acc, 0, count * outputs, 0.0);
        for (int b = 0; b < n; b++) {
            double wb = bgw[b];
            int base = b * count;
            if (outputs == 1) {
                for (int c = 0; c < count; c++) {
                    acc[c] += wb * dOut[rowOf[base + c]];
                }
            } else {
                for (int c = 0; c < count; c++) {
                    int ro = rowOf[base + c] * outputs;
                    for (int k = 0; k < outputs; k++) {
                        acc[c * outputs + k] += wb * dOut[ro + k];
                    }
                }
            }
        }
        for (int c = 0; c < count; c++) {
            for (int k = 0; k < outputs; k++) {
                double s = acc[c * outputs + k];
                if (!Double.isFinite(s)) {
                    for (int b = 0; b < n; b++) {
                        ev.checkOutput(dOut[rowOf[b * count + c] * outputs + k],
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
