package dev.candor.datasets;

import java.util.List;
import java.util.Objects;

/**
 * One feature column of a {@link Dataset}: its name, its kind and, for a categorical feature, its
 * levels.
 *
 * <p>In {@link Dataset#x()} a numeric feature holds its value as is, and a categorical feature holds
 * the index of its level in {@link #levels()} (a code {@code 0..k-1}, stored as a double). The order
 * of the levels is fixed by whoever builds the dataset and documented there: the loaders use the
 * order of the codes in the original documentation, {@link CsvDatasets} the sorted order of the
 * observed values.
 *
 * @param name   the column name, unique within a dataset
 * @param kind   numeric or categorical
 * @param levels the category labels of a categorical feature (at least one, no duplicates); empty
 *               for a numeric feature
 * @since 0.1.0
 */
public record Feature(String name, Kind kind, List<String> levels) {

    /** The two kinds of feature column. */
    public enum Kind {
        /** A real number used as is. */
        NUMERIC,
        /** One of a finite list of labels, stored as the label's index. */
        CATEGORICAL
    }

    /**
     * @throws IllegalArgumentException if the name is blank, a numeric feature has levels, or a
     *                                  categorical feature has none or repeats one
     */
    public Feature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name: a feature needs a non-blank name");
        }
        levels = List.copyOf(levels == null ? List.of() : levels);
        if (kind == Kind.NUMERIC && !levels.isEmpty()) {
            throw new IllegalArgumentException("levels: numeric feature '" + name + "' cannot have levels");
        }
        if (kind == Kind.CATEGORICAL) {
            if (levels.isEmpty()) {
                throw new IllegalArgumentException("levels: categorical feature '" + name + "' needs at least one level");
            }
            if (levels.stream().distinct().count() != levels.size()) {
                throw new IllegalArgumentException("levels: categorical feature '" + name + "' repeats a level: " + levels);
            }
        }
    }

    /**
     * @param name the column name
     * @return a numeric feature
     */
    public static Feature numeric(String name) {
        return new Feature(name, Kind.NUMERIC, List.of());
    }

    /**
     * @param name   the column name
     * @param levels the category labels, in code order
     * @return a categorical feature
     */
    public static Feature categorical(String name, List<String> levels) {
        return new Feature(name, Kind.CATEGORICAL, levels);
    }

    /** @return true for a categorical feature */
    public boolean isCategorical() {
        return kind == Kind.CATEGORICAL;
    }

    /**
     * @param level a category label
     * @return its code, or -1 when it is not a level of this feature (always -1 for a numeric feature)
     */
    public int code(String level) {
        return levels.indexOf(level);
    }

    /**
     * The label of a stored value: the level for a categorical feature, the number for a numeric one.
     *
     * @param value a value of this feature from {@link Dataset#x()}
     * @return its text
     */
    public String format(double value) {
        if (kind == Kind.CATEGORICAL) {
            int c = (int) value;
            return c >= 0 && c < levels.size() && c == value ? levels.get(c) : String.valueOf(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
