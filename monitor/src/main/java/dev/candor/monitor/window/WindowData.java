package dev.candor.monitor.window;

import java.util.Arrays;

/**
 * A window's rows as plain arrays in canonical order: numeric features sorted (missing as
 * {@code NaN} at the end), categorical features expanded from their counts, and the model columns
 * and protected groups row-aligned.
 */
record WindowData(WindowSchema schema, long rows, double[][] numeric, String[][] categorical, int[] labels,
        int[] predictions, double[] scores, String[][] groups) implements java.io.Serializable {

    /** @return positions whose label and prediction are both present */
    int[] labelled() {
        return java.util.stream.IntStream.range(0, labels.length)
                .filter(i -> labels[i] != WindowRow.MISSING && predictions[i] != WindowRow.MISSING).toArray();
    }

    /** @return positions whose prediction and score are both present */
    int[] scored() {
        return java.util.stream.IntStream.range(0, labels.length)
                .filter(i -> predictions[i] != WindowRow.MISSING && !Double.isNaN(scores[i])).toArray();
    }

    static int[] pick(int[] v, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    static String[] pick(String[] v, int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    /** @return whether every score is present */
    boolean allScored() {
        return Arrays.stream(scores).noneMatch(Double::isNaN);
    }
}
