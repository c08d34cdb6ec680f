package dev.candor.fairness;

import dev.candor.core.BadInputException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A protected attribute as integer group codes: row {@code i} belongs to group {@code codes[i]},
 * whose name is {@code values[codes[i]]}.
 *
 * <p>For speed the code array is used as given, not copied: do not modify it while a computation
 * runs. Codes outside {@code [0, values.length)} are rejected when counting, with the row index.
 *
 * @param name   the attribute's name, e.g. {@code sex}, or {@code sex&race} for an intersection
 * @param codes  one group code per row
 * @param values the group names, indexed by code; distinct
 * @since 0.1.0
 */
public record GroupAttribute(String name, int[] codes, List<String> values) {

    /** The name of the privileged group of a {@link #pooled pooled} attribute (code 0). */
    public static final String PRIVILEGED = "privileged";
    /** The name of the pooled unprivileged group of a {@link #pooled pooled} attribute (code 1). */
    public static final String UNPRIVILEGED = "unprivileged";

    public GroupAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codes, "codes");
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("attribute '" + name + "' needs at least one group value");
        }
        if (new TreeSet<>(values).size() != values.size()) {
            throw new IllegalArgumentException("attribute '" + name + "' has duplicate group values: " + values);
        }
    }

    /**
     * Encodes string values; groups are numbered in sorted (natural string) order so the result
     * does not depend on row order.
     *
     * @param name   the attribute's name
     * @param labels one value per row, none null
     * @return the encoded attribute
     * @throws IllegalArgumentException if a label is null (naming the row)
     */
    public static GroupAttribute of(String name, String[] labels) {
        TreeSet<String> distinct = new TreeSet<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null) {
                throw new BadInputException("attribute '" + name + "': missing value at row " + i);
            }
            distinct.add(labels[i]);
        }
        List<String> values = List.copyOf(distinct);
        Map<String, Integer> index = new HashMap<>();
        for (int g = 0; g < values.size(); g++) {
            index.put(values.get(g), g);
        }
        int[] codes = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            codes[i] = index.get(labels[i]);
        }
        return new GroupAttribute(name, codes, values);
    }

    /**
     * The intersection of two attributes: one group per observed combination, named
     * {@code a&b}, attribute named {@code nameA&nameB}. Unobserved combinations are left out;
     * groups are ordered by (group of a, group of b).
     *
     * @param a the first attribute
     * @param b the second attribute, same length
     * @return the intersection
     */
    public static GroupAttribute intersection(GroupAttribute a, GroupAttribute b) {
        if (a.codes.length != b.codes.length) {
            throw new IllegalArgumentException("attributes '" + a.name + "' and '" + b.name
                    + "' have different lengths: " + a.codes.length + " and " + b.codes.length);
        }
        int kb = b.values.size();
        int[] product = new int[a.codes.length];
        boolean[] seen = new boolean[a.values.size() * kb];
        for (int i = 0; i < product.length; i++) {
            int ga = a.codes[i];
            int gb = b.codes[i];
            if (ga < 0 || ga >= a.values.size()) {
                throw new IllegalArgumentException("attribute '" + a.name + "': group code " + ga + " out of range at row " + i);
            }
            if (gb < 0 || gb >= kb) {
                throw new IllegalArgumentException("attribute '" + b.name + "': group code " + gb + " out of range at row " + i);
            }
            product[i] = ga * kb + gb;
            seen[product[i]] = true;
        }
        int[] remap = new int[seen.length];
        Arrays.fill(remap, -1);
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        for (int p = 0; p < seen.length; p++) {
            if (seen[p]) {
                remap[p] = names.size();
                names.add(a.values.get(p / kb) + "&" + b.values.get(p % kb));
            }
        }
        for (int i = 0; i < product.length; i++) {
            product[i] = remap[product[i]];
        }
        return new GroupAttribute(a.name + "&" + b.name, product, names);
    }

    /**
     * Pools the groups into two, AIF360's privileged-versus-unprivileged form: rows whose group is one
     * of the privileged values get code 0 ({@link #PRIVILEGED}), every other row code 1
     * ({@link #UNPRIVILEGED}); several privileged values are OR-ed, as AIF360's list of
     * {@code privileged_groups}. Same name and rows.
     *
     * @param privileged the privileged group values, each one of {@link #values()}
     * @return the two-group attribute
     * @throws BadInputException if there is no privileged value, a privileged value is not a group of
     *                           this attribute, or every group is privileged (naming the values)
     */
    public GroupAttribute pooled(Collection<String> privileged) {
        Objects.requireNonNull(privileged, "privileged");
        if (privileged.isEmpty()) {
            throw new BadInputException("attribute '" + name + "': pooling needs at least one privileged value");
        }
        boolean[] isPrivileged = new boolean[values.size()];
        for (String p : privileged) {
            int g = values.indexOf(p);
            if (g < 0) {
                throw new BadInputException("privileged value '" + p + "' does not occur in " + name + " (values: "
                        + values + ")");
            }
            isPrivileged[g] = true;
        }
        if (privileged.containsAll(values)) {
            throw new BadInputException(name + ": every group is privileged " + values
                    + "; pooling needs at least one unprivileged group");
        }
        int[] pooled = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            int g = codes[i];
            if (g < 0 || g >= isPrivileged.length) {
                throw new BadInputException("attribute '" + name + "': group code " + g + " out of range at row " + i);
            }
            pooled[i] = isPrivileged[g] ? 0 : 1;
        }
        return new GroupAttribute(name, pooled, List.of(PRIVILEGED, UNPRIVILEGED));
    }

    /** @return the number of groups */
    public int size() {
        return values.size();
    }

    /** @return the number of rows */
    public int rows() {
        return codes.length;
    }
}
