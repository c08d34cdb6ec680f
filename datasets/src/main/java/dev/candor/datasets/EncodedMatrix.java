package dev.candor.datasets;

import java.util.Arrays;
import java.util.Objects;

/**
 * A one-hot encoded feature matrix (see {@link Encoder}).
 *
 * <p>{@code featureColumns[f]} lists the encoded columns that came from original feature {@code f}:
 * one column for a numeric feature, one per level for a categorical one. Explainers use these lists as
 * feature groups, so that a categorical feature is one player (its whole one-hot block is masked at
 * once).
 *
 * <p>Accessors return the arrays themselves (no copy) for speed; treat them as read-only.
 *
 * @param x              the encoded row-major matrix
 * @param columnNames    one name per encoded column: the feature name for a numeric feature,
 *                       {@code feature=level} for a one-hot column
 * @param featureColumns for each original feature, its encoded column indices in increasing order
 * @since 0.1.0
 */
public record EncodedMatrix(double[][] x, String[] columnNames, int[][] featureColumns) {

    /** Checks that every row has one value per column name. */
    public EncodedMatrix {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(columnNames, "columnNames");
        Objects.requireNonNull(featureColumns, "featureColumns");
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != columnNames.length) {
                throw new IllegalArgumentException("x: row " + i + " has " + x[i].length + " values, expected "
                        + columnNames.length);
            }
        }
    }

    /** @return the number of encoded columns */
    public int columns() {
        return columnNames.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedMatrix e && Arrays.deepEquals(x, e.x) && Arrays.equals(columnNames, e.columnNames)
                && Arrays.deepEquals(featureColumns, e.featureColumns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.deepHashCode(x), Arrays.hashCode(columnNames), Arrays.deepHashCode(featureColumns));
    }

    @Override
    public String toString() {
        return "EncodedMatrix[rows=" + x.length + ", columns=" + Arrays.toString(columnNames) + "]";
    }
}
