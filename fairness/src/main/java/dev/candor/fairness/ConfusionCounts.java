package dev.candor.fairness;

/**
 * The confusion counts of one group: the sufficient statistic of every group fairness metric.
 *
 * <p>"Positive" always means the favorable label, for true labels and predictions alike:
 * {@code tp} = label favorable and prediction favorable, {@code fp} = label unfavorable and
 * prediction favorable, {@code tn} = both unfavorable, {@code fn} = label favorable, prediction
 * unfavorable.
 *
 * <p>Three views of each cell are kept: the weighted sum {@code Σw} (equal to the row count
 * without weights), the unweighted number of rows, and the sum of squared weights {@code Σw²}
 * (for Kish's effective sample size {@code (Σw)²/Σw²} in confidence intervals). Counts merge by
 * addition ({@link #plus}), so partial counts of batches, threads or partitions combine exactly
 * (weighted sums up to floating-point rounding).
 *
 * <p>The unweighted rows also give the benefit distribution of the generalized entropy indices,
 * {@code b = ŷ − y + 1}: {@code b = 0} for fn, {@code b = 1} for tp and tn, {@code b = 2} for fp.
 *
 * @param tp     weighted true positives
 * @param fp     weighted false positives
 * @param tn     weighted true negatives
 * @param fn     weighted false negatives
 * @param rowsTp rows that are true positives
 * @param rowsFp rows that are false positives
 * @param rowsTn rows that are true negatives
 * @param rowsFn rows that are false negatives
 * @param tpSq   sum of squared weights of the true positives
 * @param fpSq   sum of squared weights of the false positives
 * @param tnSq   sum of squared weights of the true negatives
 * @param fnSq   sum of squared weights of the false negatives
 * @since 0.1.0
 */
public record ConfusionCounts(double tp, double fp, double tn, double fn,
                              long rowsTp, long rowsFp, long rowsTn, long rowsFn,
                              double tpSq, double fpSq, double tnSq, double fnSq) {

    /** No rows. */
    public static final ConfusionCounts EMPTY = new ConfusionCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public ConfusionCounts {
        if (rowsTp < 0 || rowsFp < 0 || rowsTn < 0 || rowsFn < 0) {
            throw new IllegalArgumentException("row counts must be >= 0, got tp=" + rowsTp + ", fp=" + rowsFp
                    + ", tn=" + rowsTn + ", fn=" + rowsFn);
        }
        if (!(tp >= 0 && fp >= 0 && tn >= 0 && fn >= 0 && tpSq >= 0 && fpSq >= 0 && tnSq >= 0 && fnSq >= 0)
                || Double.isInfinite(tp + fp + tn + fn)) {
            throw new IllegalArgumentException("weighted counts must be finite and >= 0, got tp=" + tp + ", fp=" + fp
                    + ", tn=" + tn + ", fn=" + fn);
        }
    }

    /**
     * Unweighted counts (every weight 1).
     *
     * @param tp true positives
     * @param fp false positives
     * @param tn true negatives
     * @param fn false negatives
     * @return the counts
     */
    public static ConfusionCounts of(long tp, long fp, long tn, long fn) {
        return new ConfusionCounts(tp, fp, tn, fn, tp, fp, tn, fn, tp, fp, tn, fn);
    }

    /**
     * The counts of one group from per-cell sums laid out by cell code {@code 2y + p} (0 tn, 1 fp,
     * 2 fn, 3 tp), starting at {@code base}: the layout of the one-pass counter and the bootstrap.
     *
     * @param weighted weighted sums per cell
     * @param rows     row counts per cell
     * @param squares  sums of squared weights per cell
     * @param base     index of the group's tn cell (the group's cells are {@code base .. base + 3})
     * @return the counts
     */
    public static ConfusionCounts ofCells(double[] weighted, long[] rows, double[] squares, int base) {
        return new ConfusionCounts(weighted[base + 3], weighted[base + 1], weighted[base], weighted[base + 2],
                rows[base + 3], rows[base + 1], rows[base], rows[base + 2],
                squares[base + 3], squares[base + 1], squares[base], squares[base + 2]);
    }

    /**
     * The sums of squared weights as counts of their own (row counts zero), so that a rate's
     * denominator applied to them gives its {@code Σw²}.
     *
     * @return the squared-weight view
     */
    ConfusionCounts squaredWeights() {
        return new ConfusionCounts(tpSq, fpSq, tnSq, fnSq, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * @param other counts of disjoint rows
     * @return the counts of the union of both sets of rows
     */
    public ConfusionCounts plus(ConfusionCounts other) {
        return new ConfusionCounts(tp + other.tp, fp + other.fp, tn + other.tn, fn + other.fn,
                rowsTp + other.rowsTp, rowsFp + other.rowsFp, rowsTn + other.rowsTn, rowsFn + other.rowsFn,
                tpSq + other.tpSq, fpSq + other.fpSq, tnSq + other.tnSq, fnSq + other.fnSq);
    }

    /** @return the weighted total {@code tp + fp + tn + fn} (the row count without weights) */
    public double total() {
        return tp + fp + tn + fn;
    }

    /** @return the number of rows, whatever their weights */
    public long rows() {
        return rowsTp + rowsFp + rowsTn + rowsFn;
    }

    /** @return weighted rows whose true label is favorable, {@code tp + fn} */
    public double positives() {
        return tp + fn;
    }

    /** @return weighted rows whose true label is unfavorable, {@code fp + tn} */
    public double negatives() {
        return fp + tn;
    }

    /** @return weighted rows predicted favorable, {@code tp + fp} */
    public double predictedPositives() {
        return tp + fp;
    }

    /** @return weighted rows predicted unfavorable, {@code tn + fn} */
    public double predictedNegatives() {
        return tn + fn;
    }

    /** @return true when the counts carry weights other than 1 (some weighted sum differs from its row count) */
    public boolean isWeighted() {
        return tp != rowsTp || fp != rowsFp || tn != rowsTn || fn != rowsFn
                || tpSq != rowsTp || fpSq != rowsFp || tnSq != rowsTn || fnSq != rowsFn;
    }
}
