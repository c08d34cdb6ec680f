package dev.candor.datasets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link Dataset#describe()} reports: size, columns, label balance, per protected attribute the
 * count and base rate of every group, and the rows the loader dropped with the rule that dropped them.
 *
 * <p>The base rate of a group is the fraction of its rows with the favorable label,
 * \( P(y = 1 \mid g) = n_{g,1} / n_g \), unweighted. It is NaN only for a group with no rows, which
 * cannot occur here because groups are the observed values. With sample weights, each group also
 * carries its total weight and weighted base rate \( \sum_g w_i y_i / \sum_g w_i \) (NaN, when the
 * group's weights sum to 0).
 *
 * @param name           the dataset name
 * @param rows           the number of rows
 * @param features       the feature columns
 * @param labelName      the label column
 * @param favorableValue the original text of the favorable label
 * @param favorable      rows with the favorable label (label 1)
 * @param unfavorable    rows with the unfavorable label (label 0)
 * @param weighted       whether the dataset carries sample weights
 * @param attributes     one summary per protected attribute, in the dataset's order
 * @param dropped        rows removed by the loader's rules, in the order the rules were applied
 * @since 0.1.0
 */
public record DatasetSummary(String name, int rows, List<Feature> features, String labelName,
                             String favorableValue, int favorable, int unfavorable, boolean weighted,
                             List<AttributeSummary> attributes, List<DroppedRows> dropped) {

    /** Copies the lists. */
    public DatasetSummary {
        Objects.requireNonNull(name, "name");
        features = List.copyOf(features);
        attributes = List.copyOf(attributes);
        dropped = List.copyOf(dropped);
    }

    /** @return the fraction of rows with the favorable label (NaN for an empty dataset) */
    public double baseRate() {
        return rows == 0 ? Double.NaN : (double) favorable / rows;
    }

    /** @return the total number of rows dropped by all rules */
    public int droppedTotal() {
        return dropped.stream().mapToInt(DroppedRows::count).sum();
    }

    /**
     * @param name a protected attribute name
     * @return its summary
     * @throws IllegalArgumentException if there is no such attribute
     */
    public AttributeSummary attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("name: no protected attribute '" + name
                        + "' in dataset '" + this.name + "'"));
    }

    /**
     * The groups of one protected attribute.
     *
     * @param name       the attribute name
     * @param privileged its privileged values
     * @param groups     one entry per observed value, in {@link ProtectedAttribute#groups()} order
     */
    public record AttributeSummary(String name, Set<String> privileged, List<GroupSummary> groups) {

        /** Copies the collections. */
        public AttributeSummary {
            privileged = Set.copyOf(privileged);
            groups = List.copyOf(groups);
        }

        /**
         * @param value a group label
         * @return its summary
         * @throws IllegalArgumentException if no row has that value
         */
        public GroupSummary group(String value) {
            return groups.stream().filter(g -> g.value().equals(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("value: no group '" + value
                            + "' in protected attribute '" + name + "'"));
        }
    }

    /**
     * One group of a protected attribute.
     *
     * @param value           the group label
     * @param privileged      whether it is a privileged value
     * @param count           its rows
     * @param favorable       its rows with the favorable label
     * @param weight          the sum of its rows' weights (equal to {@code count} when the dataset has
     *                        no weights)
     * @param favorableWeight the sum of the weights of its favorable rows
     */
    public record GroupSummary(String value, boolean privileged, int count, int favorable, double weight,
                               double favorableWeight) {

        /**
         * An unweighted group (every weight 1).
         *
         * @param value      the group label
         * @param privileged whether it is a privileged value
         * @param count      its rows
         * @param favorable  its rows with the favorable label
         */
        public GroupSummary(String value, boolean privileged, int count, int favorable) {
            this(value, privileged, count, favorable, count, favorable);
        }

        /** @return {@code favorable / count}, the group's base rate (NaN for an empty group) */
        public double baseRate() {
            return count == 0 ? Double.NaN : (double) favorable / count;
        }

        /**
         * @return {@code favorableWeight / weight}, the weighted base rate \( \sum_{i \in g} w_i y_i /
         *         \sum_{i \in g} w_i \); NaN when the group's total weight is 0
         */
        public double weightedBaseRate() {
            return weight == 0 ? Double.NaN : favorableWeight / weight;
        }
    }

    /** The summary of a dataset, from its own (uncopied) labels and weights. */
    static DatasetSummary of(Dataset d, int[] labels, double[] weights) {
        int fav = 0;
        for (int y : labels) {
            fav += y;
        }
        List<DatasetSummary.AttributeSummary> attrs = new ArrayList<>();
        for (ProtectedAttribute p : d.protectedAttributes()) {
            Map<String, double[]> acc = new HashMap<>();
            for (int i = 0; i < labels.length; i++) {
                double[] c = acc.computeIfAbsent(p.value(i), k -> new double[4]);
                double w = weights == null ? 1 : weights[i];
                c[0]++;
                c[1] += labels[i];
                c[2] += w;
                c[3] += labels[i] * w;
            }
            List<DatasetSummary.GroupSummary> groups = new ArrayList<>();
            for (String g : p.groups()) {
                double[] c = acc.get(g);
                groups.add(new DatasetSummary.GroupSummary(g, p.privileged().contains(g), (int) c[0], (int) c[1],
                        c[2], c[3]));
            }
            attrs.add(new DatasetSummary.AttributeSummary(p.name(), p.privileged(), groups));
        }
        return new DatasetSummary(d.name(), labels.length, d.features(), d.labelName(), d.favorableValue(), fav,
                labels.length - fav, weights != null, attrs, d.dropped());
    }
}
