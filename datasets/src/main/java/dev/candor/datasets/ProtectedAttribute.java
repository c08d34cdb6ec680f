package dev.candor.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A protected (sensitive) attribute: one group label per row and the set of privileged values.
 *
 * <p>The attribute is kept as text, separately from the model features, so that a fairness audit
 * can group rows by it whether or not the model sees it. An empty privileged set means "no
 * privileged value": audits then report between-groups forms (max minus min, min over max).
 *
 * <p>This record copies the array it is given and hands out copies, so it is immutable.
 *
 * @param name       the attribute name, for example {@code sex}
 * @param values     the group label of every row (no nulls)
 * @param privileged the privileged values (possibly empty); each must occur in {@code values} or
 *                   at least be a non-blank label
 * @since 0.1.0
 */
public record ProtectedAttribute(String name, String[] values, Set<String> privileged) {

    /**
     * @throws IllegalArgumentException if the name is blank or a row has a null or blank value
     */
    public ProtectedAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name: a protected attribute needs a non-blank name");
        }
        values = values.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].isBlank()) {
                throw new IllegalArgumentException("values: protected attribute '" + name
                        + "' has no value at row " + i);
            }
        }
        privileged = Set.copyOf(privileged == null ? Set.of() : privileged);
    }

    /**
     * @param name       the attribute name
     * @param values     the group label of every row
     * @param privileged the privileged values
     * @return the attribute
     */
    public static ProtectedAttribute of(String name, String[] values, String... privileged) {
        return new ProtectedAttribute(name, values, Set.of(privileged));
    }

    /**
     * The intersection of several attributes: per row the values joined with {@code &}, named by the
     * attribute names joined with {@code &} (for example {@code sex&race} with values such as
     * {@code female&Black}), with no privileged value, as fairness audits report intersections.
     *
     * @param attributes two or more attributes over the same rows
     * @return the intersectional attribute
     * @throws IllegalArgumentException if fewer than two are given or their lengths differ
     */
    public static ProtectedAttribute intersection(List<ProtectedAttribute> attributes) {
        if (attributes == null || attributes.size() < 2) {
            throw new IllegalArgumentException("attributes: an intersection needs at least two attributes");
        }
        int n = attributes.get(0).size();
        StringBuilder name = new StringBuilder(attributes.get(0).name());
        for (ProtectedAttribute a : attributes.subList(1, attributes.size())) {
            if (a.size() != n) {
                throw new IllegalArgumentException("attributes: '" + a.name() + "' has " + a.size()
                        + " rows but '" + attributes.get(0).name() + "' has " + n);
            }
            name.append('&').append(a.name());
        }
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder(attributes.get(0).values[i]);
            for (ProtectedAttribute a : attributes.subList(1, attributes.size())) {
                sb.append('&').append(a.values[i]);
            }
            v[i] = sb.toString();
        }
        return new ProtectedAttribute(name.toString(), v, Set.of());
    }

    /** @return a copy of the per-row group labels */
    @Override
    public String[] values() {
        return values.clone();
    }

    /** @return the number of rows */
    public int size() {
        return values.length;
    }

    /**
     * @param row a row index
     * @return the group label of that row
     */
    public String value(int row) {
        return values[row];
    }

    /**
     * @param row a row index
     * @return whether that row's value is privileged
     */
    public boolean isPrivileged(int row) {
        return privileged.contains(values[row]);
    }

    /**
     * The distinct values in a stable order: privileged values first, then the others; within each
     * part by descending row count, ties broken by the natural (lexicographic) order of the label.
     *
     * @return the groups
     */
    public List<String> groups() {
        Map<String, Integer> counts = counts();
        List<String> g = new ArrayList<>(counts.keySet());
        g.sort(Comparator.<String>comparingInt(v -> privileged.contains(v) ? 0 : 1)
                .thenComparing(Comparator.<String>comparingInt(counts::get).reversed())
                .thenComparing(Comparator.naturalOrder()));
        return List.copyOf(g);
    }

    /** @return the number of rows of each value, in first-occurrence order */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new HashMap<>();
        for (String v : values) {
            counts.merge(v, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * @param rows row indices into this attribute
     * @return the attribute restricted to those rows, in that order
     */
    ProtectedAttribute select(int[] rows) {
        String[] v = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            v[i] = values[rows[i]];
        }
        return new ProtectedAttribute(name, v, privileged);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProtectedAttribute p && name.equals(p.name)
                && Arrays.equals(values, p.values) && privileged.equals(p.privileged);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(values), privileged);
    }

    @Override
    public String toString() {
        return "ProtectedAttribute[" + name + ", rows=" + values.length + ", privileged="
                + new LinkedHashSet<>(privileged) + ", groups=" + groups() + "]";
    }
}
