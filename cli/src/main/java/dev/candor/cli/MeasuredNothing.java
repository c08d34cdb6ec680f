package dev.candor.cli;

import dev.candor.core.BadInputException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses an audit that would measure nothing: every row with weight zero, or a protected attribute
 * with fewer than two groups that carry weight. Such an audit would be a report full of undefined
 * values that looks like success; it is bad input (exit code 2) instead, said before any work.
 *
 * @since 0.1.0
 */
final class MeasuredNothing {

    private MeasuredNothing() {
    }

    /**
     * @param data          the data file (named in the message)
     * @param columns       the values of each protected attribute, row by row
     * @param names         the protected attributes' names
     * @param weights       the rows' weights, or null for unit weights
     * @param weightsColumn the weight column's name, or null
     * @throws BadInputException if there are no rows, all weights are zero, or an attribute has one group
     */
    static void check(Path data, List<String[]> columns, List<String> names, double[] weights, String weightsColumn) {
        check(data, columns, names, weights, weightsColumn, "a fairness audit compares at least two groups, so it "
                + "would measure nothing");
    }

    /**
     * As {@link #check(Path, List, List, double[], String)}, saying why two groups are needed.
     *
     * @param why the end of the message, e.g. {@code reweighing needs at least two groups}
     */
    static void check(Path data, List<String[]> columns, List<String> names, double[] weights, String weightsColumn,
                      String why) {
        int rows = columns.isEmpty() ? 0 : columns.get(0).length;
        if (rows == 0) {
            throw new BadInputException(data + ": no data rows: an audit of nothing measures nothing");
        }
        if (weights != null) {
            boolean any = false;
            for (double x : weights) {
                any |= x > 0;
            }
            if (!any) {
                throw new BadInputException(data + ": column '" + weightsColumn + "': every weight is zero, so "
                        + "nothing would be measured; give rows a positive weight");
            }
        }
        for (int k = 0; k < names.size(); k++) {
            String[] v = columns.get(k);
            Set<String> groups = new LinkedHashSet<>();
            for (int i = 0; i < v.length; i++) {
                if (weights == null || weights[i] > 0) {
                    groups.add(v[i]);
                }
            }
            if (groups.size() < 2) {
                throw new BadInputException(data + ": column '" + names.get(k) + "': a single group " + groups
                        + (weights == null ? "" : " with positive weight") + " in " + rows + " row(s); " + why
                        + ": check the column and the data");
            }
        }
    }
}
