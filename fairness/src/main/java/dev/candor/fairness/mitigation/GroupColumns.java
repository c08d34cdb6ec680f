package dev.candor.fairness.mitigation;

import dev.candor.core.BadInputException;
import java.util.Objects;

/** Joins several protected columns into one group column, for reweighing on their combinations. */
final class GroupColumns {

    private GroupColumns() {
    }

    /**
     * Joins several protected attributes into one group per row, values joined with {@code '&'} in
     * the order of the columns, as in {@code male&gt25}.
     *
     * @param protectedColumns {@code protectedColumns[k][i]} is the value of attribute k in row i
     * @return the combined group of each row
     * @throws IllegalArgumentException if there is no column, the columns differ in length, or a value
     *                                  is null or contains {@code '&'}
     */
    static String[] intersect(String[]... protectedColumns) {
        Objects.requireNonNull(protectedColumns, "protectedColumns");
        if (protectedColumns.length == 0) {
            throw new BadInputException("protectedColumns: at least one protected attribute is needed");
        }
        int n = -1;
        for (int k = 0; k < protectedColumns.length; k++) {
            if (protectedColumns[k] == null) {
                throw new BadInputException("protectedColumns[" + k + "] is null");
            }
            if (n < 0) {
                n = protectedColumns[k].length;
            } else if (protectedColumns[k].length != n) {
                throw new BadInputException("protectedColumns: column " + k + " has "
                        + protectedColumns[k].length + " rows but column 0 has " + n);
            }
        }
        if (protectedColumns.length == 1) {
            return protectedColumns[0].clone();
        }
        String[] out = new String[n];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.setLength(0);
            for (int k = 0; k < protectedColumns.length; k++) {
                String v = protectedColumns[k][i];
                if (v == null) {
                    throw new BadInputException("protectedColumns[" + k + "][" + i + "] is null");
                }
                if (v.contains(Reweighing.INTERSECTION_SEPARATOR)) {
                    throw new BadInputException("protectedColumns[" + k + "][" + i + "] = '" + v
                            + "' contains '" + Reweighing.INTERSECTION_SEPARATOR
                            + "', which joins combined groups; rename the value");
                }
                if (k > 0) {
                    sb.append(Reweighing.INTERSECTION_SEPARATOR);
                }
                sb.append(v);
            }
            out[i] = sb.toString();
        }
        return out;
    }

}
