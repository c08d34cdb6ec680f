package dev.candor.explain.shap;

/**
 * {@link CoalitionEvaluator}'s de-duplicated evaluation: each distinct masked row is passed to the
 * model once. The row of coalition c over background row b is determined by
 * {@code key = bits(c) & diff(b)}, diff(b) being the varying players where x differs (bit for bit) from background
 * row b. When diff(b) has at most {@code DIRECT_BITS} players, the key is compressed to that many
 * bits (one 256-entry table per byte of diff(b), built per b) and looked up in a direct table without
 * branches; a coalition that follows its complement takes the complement of the previous index.
 * Otherwise keys are de-duplicated with an open-addressing table (generation-stamped, so it is never
 * cleared). When every varying player is one column (the usual tabular case), a distinct row is a
 * block copy of x or of the background row, whichever leaves fewer columns to overwrite, then those
 * columns one by one. The averages over b are summed in the same
 * order as the plain evaluation, so the values are bit-for-bit the same. Used for up to 64 varying
 * players.
 */
final class DistinctRows {

    private static final java.lang.invoke.VarHandle BYTES_AS_LONG =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private DistinctRows() {
    }

    static double[] evaluate(CoalitionEvaluator ev, CoalitionEvaluator.Buffers ws, double[] x, int[] varying, int m,
                             byte[] masks, int count, double[] values, int offset, boolean withX, long first) {
        int n = ev.backgroundRows();
        int outputs = ev.outputs();
        long[] bits = packBits(ws, masks, m, count);
        long all = m == 64 ? -1L : (1L << m) - 1;
        if (ws.complementOfPrevious.length < count) {
            ws.complementOfPrevious = new boolean[count];
        }
        boolean[] complementOfPrevious = ws.complementOfPrevious;
        for (int c = 0; c < count; c++) {
            complementOfPrevious[c] = c > 0 && bits[c] == (~bits[c - 1] & all);
        }
        differences(ev, ws, x, varying, m);
        int distinct = distinctRows(ws, bits, m, count, n, all);
        int totalRows = distinct + (withX ? 1 : 0); // x itself last
        if (ws.distinctOut.length < totalRows * outputs) {
            ws.distinctOut = new double[totalRows * outputs];
        }
        predictDistinct(ev, ws, x, varying, m, distinct, totalRows);
        accumulate(ev, ws, count, values, offset, first);
        double[] fx = null;
        if (withX) {
            double[] dOut = ws.distinctOut;
            fx = new double[outputs];
            for (int k = 0; k < outputs; k++) {
                fx[k] = ev.checkOutput(dOut[distinct * outputs + k], "x", k);
                ev.checkLinkDomain(fx[k], "the model output for x");
            }
        }
        ws.lastModelRows = totalRows;
        return fx;
    }

    /** @return each coalition's 0/1 mask bytes as the bits of one long (player j on bit j) */
    private static long[] packBits(CoalitionEvaluator.Buffers ws, byte[] masks, int m, int count) {
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
        return bits;
    }

    /**
     * Writes diff(b), the varying players where x differs from background row b bit for bit, to
     * {@code ws.diff}, and whether x may be the starting copy of b's rows to {@code ws.sameOutside}.
     */
    private static void differences(CoalitionEvaluator ev, CoalitionEvaluator.Buffers ws, double[] x, int[] varying,
                                    int m) {
        double[][] bg = ev.background();
        int[][] groupCols = ev.groupColumns();
        for (int b = 0; b < bg.length; b++) {
            long dv = 0;
            for (int j = 0; j < m; j++) {
                for (int col : groupCols[varying[j]]) {
                    // bit for bit: a zero of the other sign is a different value to the model
                    if (Double.doubleToRawLongBits(bg[b][col]) != Double.doubleToRawLongBits(x[col])) {
                        dv |= 1L << j;
                        break;
                    }
                }
            }
            ws.diff[b] = dv;
            // x may stand for z_b where diff(b) is not set: true when every column where they differ bit for
            // bit is unequal as a number (so of a varying player, in diff(b)); false where a dummy column's
            // zero differs in sign (and, harmlessly, where a varying column's does)
            boolean same = true;
            double[] z = bg[b];
            for (int col = 0; col < z.length; col++) {
                same &= z[col] != x[col] || Double.doubleToRawLongBits(z[col]) == Double.doubleToRawLongBits(x[col]);
            }
            ws.sameOutside[b] = same;
        }
    }

    /**
     * Numbers the distinct rows: row {@code r = rowOf[b * count + c]} is background row b with x's values
     * for the players of {@code distinctKey[r]}; b's rows are {@code bgStart[b]..bgStart[b + 1]}.
     *
     * @return the number of distinct rows
     */
    private static int distinctRows(CoalitionEvaluator.Buffers ws, long[] bits, int m, int count, int n, long all) {
        int cells = count * n;
        if (ws.rowOf.length < cells) {
            ws.rowOf = new int[cells];
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
        if (ws.direct == null) {
            ws.direct = new int[1 << CoalitionEvaluator.Buffers.DIRECT_BITS];
            java.util.Arrays.fill(ws.direct, -1);
        }
        int[] rowOf = ws.rowOf; // rowOf[b * count + c]
        long[] dKey = ws.distinctKey;
        int[] bgStart = ws.bgStart;
        int u = 0;
        for (int b = 0; b < n; b++) {
            bgStart[b] = u;
            long dv = ws.diff[b];
            int base = b * count;
            if (dv == all) {
                for (int c = 0; c < count; c++) {
                    rowOf[base + c] = u;
                    dKey[u++] = bits[c];
                }
            } else if (Long.bitCount(dv) <= CoalitionEvaluator.Buffers.DIRECT_BITS) {
                compressionTables(ws, nbytes, dv);
                u = directKeys(ws, bits, count, nbytes, dv, b, u);
            } else {
                u = hashedKeys(ws, bits, count, dv, b, u);
            }
        }
        bgStart[n] = u;
        return u;
    }

    /**
     * Background row b's distinct keys when {@code key = bits & dv} has at most {@code DIRECT_BITS} free
     * bits: the key is compressed to that many bits through one table per byte of the mask and looked up
     * in a direct table (reset after use: filled when it is small beside the keys found, else through
     * them). Three stores per coalition: the table, the key and the coalition's row.
     *
     * @return the next free distinct-row index
     */
    private static int directKeys(CoalitionEvaluator.Buffers ws, long[] bits, int count, int nbytes, long dv, int b,
                                  int u) {
        int[] lut = ws.compress;
        boolean[] complementOfPrevious = ws.complementOfPrevious;
        int[] direct = ws.direct;
        long[] dKey = ws.distinctKey;
        int[] rowOf = ws.rowOf;
        int base = b * count;
        int start = u;
        int full = (1 << Long.bitCount(dv)) - 1;
        int idx = 0;
        for (int c = 0; c < count; c++) {
            if (complementOfPrevious[c]) {
                idx ^= full; // the key of a complement is dv minus the key
            } else {
                idx = compress(lut, bits[c], nbytes);
            }
            // branch-free insert: the slot at u is written every time and kept only when new
            int r = direct[idx];
            boolean isNew = r < 0;
            r = isNew ? u : r;
            direct[idx] = r;
            dKey[u] = bits[c] & dv;
            u += isNew ? 1 : 0;
            rowOf[base + c] = r;
        }
        if (full < 8 * (u - start)) {
            java.util.Arrays.fill(direct, 0, full + 1, -1);
        } else {
            for (int r = start; r < u; r++) {
                direct[compress(lut, dKey[r], nbytes)] = -1;
            }
        }
        return u;
    }

    /** @return the key's bits within dv moved to their rank among dv's bits, through the tables of {@code lut} */
    private static int compress(int[] lut, long key, int nbytes) {
        int idx = 0;
        for (int q = 0; q < nbytes; q++) {
            idx |= lut[(q << 8) | ((int) (key >>> (q << 3)) & 0xff)];
        }
        return idx;
    }

    /** Fills {@code ws.compress}: per byte of dv, the bits of a key byte moved to their rank among dv's bits. */
    private static void compressionTables(CoalitionEvaluator.Buffers ws, int nbytes, long dv) {
        int[] lut = ws.compress;
        int[] place = ws.place;
        int rank = 0;
        for (int q = 0; q < nbytes; q++) {
            int mb = (int) (dv >>> (q << 3)) & 0xff;
            int o = q << 8;
            lut[o] = 0;
            int bitsHere = 0;
            for (int t = 0; t < 8; t++) {
                place[t] = (mb >>> t & 1) != 0 ? 1 << (rank + bitsHere++) : 0;
            }
            rank += bitsHere;
            for (int v = 1; v < 256; v++) {
                lut[o + v] = lut[o + (v & (v - 1))] | place[Integer.numberOfTrailingZeros(v)];
            }
        }
    }

    /**
     * Background row b's distinct keys in an open-addressing table (generation-stamped, so it is never
     * cleared), for masks with more free bits than the direct table holds.
     *
     * @return the next free distinct-row index
     */
    private static int hashedKeys(CoalitionEvaluator.Buffers ws, long[] bits, int count, long dv, int b, int u) {
        long[] tk = ws.tableKey;
        int[] tv = ws.tableVal;
        int[] ts = ws.tableStamp;
        int tmask = tk.length - 1;
        long[] dKey = ws.distinctKey;
        int[] rowOf = ws.rowOf;
        int base = b * count;
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
        return u;
    }

    /**
     * Assembles the distinct rows (and x itself last when {@code totalRows > distinct}) in batches of at
     * most {@code maxBatchRows} and writes the model's outputs to {@code ws.distinctOut}.
     */
    private static void predictDistinct(CoalitionEvaluator ev, CoalitionEvaluator.Buffers ws, double[] x,
                                        int[] varying, int m, int distinct, int totalRows) {
        int d = ev.width();
        int outputs = ev.outputs();
        int[][] groupCols = ev.groupColumns();
        double[] dOut = ws.distinctOut;
        int per = Math.max(1, ev.maxBatchRows());
        // one column per varying player (no groups): rows from a block copy of x or z_b (assembleSingles)
        boolean singles = true;
        int[] singleCol = ws.singleCol;
        for (int j = 0; j < m && singles; j++) {
            int[] cols = groupCols[varying[j]];
            singles = cols.length == 1;
            singleCol[j] = cols[0];
        }
        for (int start = 0; start < totalRows; start += per) {
            int end = Math.min(totalRows, start + per);
            double[][] rows = ws.rows(end - start);
            int stop = Math.min(end, distinct);
            if (stop < end) {
                System.arraycopy(x, 0, rows[distinct - start], 0, d); // x itself, the last row
            }
            if (singles) {
                assembleSingles(ev, ws, x, singleCol, rows, start, stop);
            } else {
                assemble(ev, ws, x, varying, rows, start, stop);
            }
            double[] out = ws.out((end - start) * outputs);
            ev.model().predict(rows, out);
            System.arraycopy(out, 0, dOut, start * outputs, (end - start) * outputs);
        }
    }

    /**
     * Distinct rows {@code start..stop} when every varying player is one column ({@code singleCol}): the
     * row takes x's values in the key's columns and background row b's elsewhere, so it is a copy of
     * whichever of the two leaves fewer columns to overwrite (x when fewer of diff(b)'s players are outside
     * the key than in it), then those columns one by one. x is the starting copy only where it equals z_b
     * bit for bit outside diff(b) ({@code ws.sameOutside}), so that signed zeros come from z_b exactly as
     * in the plain evaluation.
     */
    private static void assembleSingles(CoalitionEvaluator ev, CoalitionEvaluator.Buffers ws, double[] x,
                                        int[] singleCol, double[][] rows, int start, int stop) {
        int d = ev.width();
        double[][] bg = ev.background();
        int[] bgStart = ws.bgStart;
        long[] dKey = ws.distinctKey;
        for (int b = firstBackgroundRow(bgStart, start); b < bg.length && bgStart[b] < stop; b++) {
            double[] z = bg[b];
            long dv = ws.diff[b];
            boolean xMayBase = ws.sameOutside[b];
            int to = Math.min(stop, bgStart[b + 1]);
            for (int r = Math.max(start, bgStart[b]); r < to; r++) {
                long key = dKey[r];
                long rest = dv & ~key;
                boolean fromX = xMayBase && Long.bitCount(rest) < Long.bitCount(key);
                double[] base = fromX ? x : z;
                double[] over = fromX ? z : x;
                long cols = fromX ? rest : key;
                double[] row = rows[r - start];
                System.arraycopy(base, 0, row, 0, d);
                while (cols != 0) {
                    int col = singleCol[Long.numberOfTrailingZeros(cols)];
                    cols &= cols - 1;
                    row[col] = over[col];
                }
            }
        }
    }

    /** @return the background row whose distinct rows include row {@code r} (the last one for r past them) */
    private static int firstBackgroundRow(int[] bgStart, int r) {
        int b = 0;
        while (b + 2 < bgStart.length && bgStart[b + 1] <= r) {
            b++;
        }
        return b;
    }

    /**
     * Distinct rows {@code start..stop} when some player is a group of columns: a copy of the background
     * row, then x's values in the key's players' columns.
     */
    private static void assemble(CoalitionEvaluator ev, CoalitionEvaluator.Buffers ws, double[] x, int[] varying,
                                 double[][] rows, int start, int stop) {
        int d = ev.width();
        double[][] bg = ev.background();
        int[][] groupCols = ev.groupColumns();
        int[] bgStart = ws.bgStart;
        long[] dKey = ws.distinctKey;
        int[] inCols = ws.inCols;
        int b = firstBackgroundRow(bgStart, start);
        for (int r = start; r < stop; r++) {
            while (bgStart[b + 1] <= r) {
                b++;
            }
            double[] row = rows[r - start];
            System.arraycopy(bg[b], 0, row, 0, d);
            long key = dKey[r];
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
    }

    /**
     * Sums over the background in order b = 0..n-1 for every coalition (the plain evaluation's order) and
     * writes the linked values, checking outputs and the link's domain.
     */
    private static void accumulate(CoalitionEvaluator ev, CoalitionEvaluator.Buffers ws, int count, double[] values,
                                   int offset, long first) {
        int n = ev.backgroundRows();
        int outputs = ev.outputs();
        double[] bgw = ev.backgroundWeights();
        Link link = ev.link();
        int[] rowOf = ws.rowOf;
        double[] dOut = ws.distinctOut;
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
    }
}
