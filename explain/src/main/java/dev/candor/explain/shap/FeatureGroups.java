package dev.candor.explain.shap;

import java.util.Arrays;
import java.util.Objects;

/**
 * The players of the Shapley game: each player is a group of input columns that is kept or
 * replaced by background values together. By default every column is its own player; grouping the
 * columns of a one-hot encoded category makes the category a single player, so that the explainer
 * never builds rows with half of a one-hot block switched on.
 *
 * <p>Note that the Shapley value of a group is not the sum of the Shapley values its columns would
 * get as separate players (the games differ); it is the value of the category as one feature.
 *
 * <p>Every column must belong to exactly one group: a column in two groups, or in none, is an error.
 * Immutable.
 *
 * @since 0.1.0
 */
public final class FeatureGroups {

    private final int width;
    private final int[][] columns;
    private final String[] names;

    private FeatureGroups(int width, int[][] columns, String[] names) {
        this.width = width;
        this.columns = columns;
        this.names = names;
    }

    /**
     * One player per column, named {@code x0, x1, ...}.
     *
     * @param width the number of columns (at least 1)
     * @return the groups
     */
    public static FeatureGroups singletons(int width) {
        String[] names = new String[Math.max(width, 0)];
        for (int j = 0; j < names.length; j++) {
            names[j] = "x" + j;
        }
        return singletons(names);
    }

    /**
     * One player per column, with the columns' names.
     *
     * @param names one name per column
     * @return the groups
     */
    public static FeatureGroups singletons(String... names) {
        Objects.requireNonNull(names, "names");
        if (names.length == 0) {
            throw new IllegalArgumentException("width must be >= 1, got 0 columns");
        }
        int[][] cols = new int[names.length][];
        for (int j = 0; j < names.length; j++) {
            cols[j] = new int[] {j};
        }
        return of(names.length, cols, names);
    }

    /**
     * Groups of columns, each a single player.
     *
     * @param width   the number of input columns
     * @param columns {@code columns[g]} lists the column indices of group {@code g}; every column in
     *                {@code [0, width)} must appear in exactly one group
     * @param names   one name per group, or null for {@code g0, g1, ...}
     * @return the groups
     * @throws IllegalArgumentException if a group is empty, a column is out of range, a column is in two
     *                                  groups or in none, or the names do not match the groups
     */
    public static FeatureGroups of(int width, int[][] columns, String[] names) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        Objects.requireNonNull(columns, "columns");
        if (columns.length == 0) {
            throw new IllegalArgumentException("groups must hold at least one group");
        }
        if (names != null && names.length != columns.length) {
            throw new IllegalArgumentException("names must have one entry per group: " + columns.length
                    + " groups, " + names.length + " names");
        }
        int[] owner = new int[width];
        Arrays.fill(owner, -1);
        int[][] cols = new int[columns.length][];
        for (int g = 0; g < columns.length; g++) {
            if (columns[g] == null || columns[g].length == 0) {
                throw new IllegalArgumentException("group " + g + " is empty; every group needs at least one column");
            }
            cols[g] = columns[g].clone();
            for (int c : cols[g]) {
                if (c < 0 || c >= width) {
                    throw new IllegalArgumentException("group " + g + " names column " + c
                            + ", outside [0, " + width + ")");
                }
                if (owner[c] >= 0) {
                    throw new IllegalArgumentException("column " + c + " is in group " + owner[c] + " and in group "
                            + g + "; groups must not overlap");
                }
                owner[c] = g;
            }
        }
        for (int c = 0; c < width; c++) {
            if (owner[c] < 0) {
                throw new IllegalArgumentException("column " + c + " is in no group; every column must belong to "
                        + "exactly one group");
            }
        }
        String[] n = new String[cols.length];
        for (int g = 0; g < n.length; g++) {
            n[g] = names == null ? "g" + g : Objects.requireNonNull(names[g], "names[" + g + "]");
        }
        return new FeatureGroups(width, cols, n);
    }

    /** @return the number of input columns */
    public int width() {
        return width;
    }

    /** @return the number of players (groups) */
    public int size() {
        return columns.length;
    }

    /**
     * @param group a group index
     * @return a copy of its column indices
     */
    public int[] columns(int group) {
        return columns[group].clone();
    }

    /** @return a copy of the group names */
    public String[] names() {
        return names.clone();
    }

    /** @return whether every group is a single column, column {@code j} being group {@code j} */
    public boolean isSingletons() {
        for (int g = 0; g < columns.length; g++) {
            if (columns[g].length != 1 || columns[g][0] != g) {
                return false;
            }
        }
        return columns.length == width;
    }

    int[][] columnsUnsafe() {
        return columns;
    }

    @Override
    public String toString() {
        return "FeatureGroups[" + columns.length + " groups over " + width + " columns]";
    }
}
