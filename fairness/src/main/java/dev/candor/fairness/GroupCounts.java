package dev.candor.fairness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The confusion counts of every group of one attribute: the sufficient statistic from which
 * {@link GroupMetrics} computes every group fairness metric.
 *
 * <p>Immutable. Counts of disjoint sets of rows with the same groups merge with {@link #plus},
 * so one array, a stream of batches or partial aggregates of a distributed engine give the same
 * counts. Build one from arrays with {@link GroupCounter}, or from known counts with {@link #of}.
 *
 * @since 0.1.0
 */
public final class GroupCounts {

    private final String attribute;
    private final List<String> groups;
    private final ConfusionCounts[] counts;
    private final ConfusionCounts overall;

    private GroupCounts(String attribute, List<String> groups, ConfusionCounts[] counts) {
        this.attribute = Objects.requireNonNull(attribute, "attribute");
        this.groups = List.copyOf(groups);
        if (this.groups.size() != counts.length) {
            throw new IllegalArgumentException("groups (" + groups.size() + ") and counts (" + counts.length
                    + ") differ in length for attribute '" + attribute + "'");
        }
        if (this.groups.stream().distinct().count() != this.groups.size()) {
            throw new IllegalArgumentException("duplicate group names for attribute '" + attribute + "': " + groups);
        }
        this.counts = counts.clone();
        ConfusionCounts sum = ConfusionCounts.EMPTY;
        for (ConfusionCounts c : this.counts) {
            sum = sum.plus(Objects.requireNonNull(c, "counts"));
        }
        this.overall = sum;
    }

    /**
     * @param attribute the attribute's name
     * @param groups    group names
     * @param counts    the counts of each group, in the order of {@code groups}
     * @return the group counts
     */
    public static GroupCounts of(String attribute, List<String> groups, List<ConfusionCounts> counts) {
        return new GroupCounts(attribute, groups, counts.toArray(new ConfusionCounts[0]));
    }

    /** @return the attribute's name */
    public String attribute() {
        return attribute;
    }

    /** @return the group names, in code order */
    public List<String> groups() {
        return groups;
    }

    /** @return the number of groups */
    public int size() {
        return groups.size();
    }

    /**
     * @param group a group's index
     * @return its counts
     */
    public ConfusionCounts counts(int group) {
        return counts[group];
    }

    /**
     * @param group a group's name
     * @return its counts
     * @throws IllegalArgumentException if the attribute has no such group
     */
    public ConfusionCounts counts(String group) {
        return counts[indexOf(group)];
    }

    /**
     * @param group a group's name
     * @return its index
     * @throws IllegalArgumentException if the attribute has no such group
     */
    public int indexOf(String group) {
        int i = groups.indexOf(group);
        if (i < 0) {
            throw new IllegalArgumentException("attribute '" + attribute + "' has no group '" + group
                    + "'; its groups are " + groups);
        }
        return i;
    }

    /** @return the counts of all rows */
    public ConfusionCounts overall() {
        return overall;
    }

    /**
     * Pools groups by adding their counts (AIF360's "list of conditions" OR semantics).
     *
     * @param names the groups to pool
     * @return the sum of their counts
     */
    public ConfusionCounts pooled(Collection<String> names) {
        ConfusionCounts sum = ConfusionCounts.EMPTY;
        for (String g : names) {
            sum = sum.plus(counts(g));
        }
        return sum;
    }

    /** @return every group's counts in code order */
    public List<ConfusionCounts> all() {
        return List.of(counts);
    }

    /**
     * Merges counts of disjoint rows.
     *
     * @param other counts of the same attribute with the same groups in the same order
     * @return the counts of the union
     * @throws IllegalArgumentException if attributes or groups differ
     */
    public GroupCounts plus(GroupCounts other) {
        if (!attribute.equals(other.attribute) || !groups.equals(other.groups)) {
            throw new IllegalArgumentException("cannot merge counts of '" + attribute + "' " + groups + " with '"
                    + other.attribute + "' " + other.groups);
        }
        ConfusionCounts[] sum = new ConfusionCounts[counts.length];
        for (int g = 0; g < sum.length; g++) {
            sum[g] = counts[g].plus(other.counts[g]);
        }
        return new GroupCounts(attribute, groups, sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupCounts g && attribute.equals(g.attribute) && groups.equals(g.groups)
                && java.util.Arrays.equals(counts, g.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(attribute, groups, java.util.Arrays.hashCode(counts));
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int g = 0; g < counts.length; g++) {
            parts.add(groups.get(g) + "=" + counts[g]);
        }
        return "GroupCounts[" + attribute + ": " + String.join(", ", parts) + "]";
    }
}
