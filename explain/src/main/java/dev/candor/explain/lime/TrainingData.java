package dev.candor.explain.lime;

/** Validation of the training matrix and explained rows, with messages naming row and column. */
final class TrainingData {

    private TrainingData() {
    }

    /**
     * @return the common width of the rows
     * @throws IllegalArgumentException if the matrix is null, empty, ragged, zero-width or holds a
     *                                  NaN or infinite value
     */
    static int checkMatrix(double[][] data, String name) {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException(name + ": needs at least one row");
        }
        if (data[0] == null || data[0].length == 0) {
            throw new IllegalArgumentException(name + ": row 0 has no columns");
        }
        int m = data[0].length;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == null || data[i].length != m) {
                throw new IllegalArgumentException(name + ": row " + i + " has "
                        + (data[i] == null ? "no array" : data[i].length + " columns") + ", expected " + m);
            }
            for (int j = 0; j < m; j++) {
                double v = data[i][j];
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException(name + ": row " + i + ", column " + j + " is " + v
                            + " (values must be finite)");
                }
            }
        }
        return m;
    }

    /** @throws IllegalArgumentException if the row is null, of the wrong width or not finite */
    static void checkRow(double[] x, int m, String name) {
        if (x == null) {
            throw new IllegalArgumentException(name + ": is null");
        }
        if (x.length != m) {
            throw new IllegalArgumentException(name + ": has " + x.length + " values, the training data has " + m
                    + " columns");
        }
        for (int j = 0; j < m; j++) {
            if (Double.isNaN(x[j]) || Double.isInfinite(x[j])) {
                throw new IllegalArgumentException(name + ": column " + j + " is " + x[j] + " (values must be finite)");
            }
        }
    }
}
