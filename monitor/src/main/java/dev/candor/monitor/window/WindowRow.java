package dev.candor.monitor.window;

/**
 * One monitored row, laid out by a {@link WindowSchema}.
 *
 * @param index      the row's absolute 0-based position in the log (windows by size are keyed by it)
 * @param numeric    the numeric features in schema order, {@code NaN} when missing
 * @param categorical the categorical features in schema order, {@code null} when missing
 * @param label      the true label, 1 favorable, 0 not, {@code -1} when it has not arrived
 * @param score      the score P(favorable), {@code NaN} when absent
 * @param prediction the predicted label, 1 favorable, 0 not, {@code -1} when absent
 * @param groups     the row's value of each protected attribute, in schema order
 * @since 0.2.0
 */
public record WindowRow(long index, double[] numeric, String[] categorical, int label, double score, int prediction,
        String[] groups) {

    /** The label value of a row whose label has not arrived. */
    public static final int MISSING = -1;
}
