package dev.candor.fairness.mitigation;

import dev.candor.core.Provenance;
import dev.candor.fairness.GroupAttribute;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reweighing (Kamiran and Calders): instance weights that make the label statistically independent
 * of the protected group, so that a learner trained with them sees no association between the two.
 *
 * <h2>Definition</h2>
 * Every row in the (group \(g\), label \(l\)) cell gets the weight
 * \[ w(g, l) = \frac{W_l \, W_g}{W \, W_{g,l}} = \frac{P(g)\,P(l)}{P(g, l)}, \]
 * where \(W\) is the total prior weight of the data, \(W_g\) the prior weight of group \(g\), \(W_l\)
 * the prior weight of label \(l\) and \(W_{g,l}\) the prior weight of the cell. Without prior weights
 * (the usual case) every prior weight is 1 and these are row counts. A row's new weight is its prior
 * weight times the weight of its cell. This is exactly AIF360's {@code Reweighing.fit/transform}
 * (v0.6.1): the sums are sums of {@code instance_weights}, the cell weight is computed as
 * {@code n_fav*n_p / (n*n_p_fav)} in that order, and {@code transform} multiplies the existing
 * instance weights by the cell weight.
 *
 * <h2>Properties</h2>
 * Under the new weights \(\sum_{i \in (g,l)} w_i = W_g W_l / W\), so
 * <ul>
 *   <li>the weighted base rate \(P_w(l = \text{fav} \mid g)\) is the same, \(W_\text{fav} / W\), in every
 *       group: the weighted statistical parity difference of the labels is 0 and the disparate impact
 *       1 (up to rounding, about 1e-16);</li>
 *   <li>the total weight, every group's weight and every label's weight are unchanged: with unit prior
 *       weights the new weights sum to the row count \(n\).</li>
 * </ul>
 *
 * <h2>Two groupings</h2>
 * <ul>
 *   <li><b>Every group separately</b> (the default): each distinct value of the protected attribute
 *       (or of the combination of several attributes, joined with {@code '&'} in the order given, for
 *       example {@code male&gt25}) is its own group. This is Kamiran and Calders' general form and
 *       makes the label independent of the full attribute.</li>
 *   <li><b>Privileged versus the rest</b> ({@link Builder#privileged(String...)}): AIF360's form, with
 *       {@code privileged_groups=[{attr: value}]} (several privileged values are OR-ed, as AIF360's list
 *       of dicts) and {@code unprivileged_groups} listing every other value. The other values are pooled into one unprivileged group, so there are four cells
 *       ({@code w_p_fav, w_p_unfav, w_up_fav, w_up_unfav}) and the label is made independent only of
 *       the privileged/unprivileged split, not of the differences among unprivileged values. Its cells
 *       are named {@link #PRIVILEGED} and {@link #UNPRIVILEGED}. (AIF360 also allows an unprivileged
 *       list that leaves some values out; such rows still count in \(W\) and \(W_l\) there but keep
 *       their weight. Candor does not offer that form.)</li>
 * </ul>
 * For a binary attribute the two groupings give identical weights.
 *
 * <h2>Edge cases (all refused with a {@link dev.candor.core.BadInputException}, an
 * {@link IllegalArgumentException}, naming the argument, row and
 * value)</h2>
 * <ul>
 *   <li>A (group, label) cell with no rows, or whose rows' prior weights sum to 0: its weight
 *       \(W_g W_l / (W \cdot 0)\) is undefined. The message names the cell. (AIF360 would divide by
 *       zero and produce inf or NaN weights.) This includes data with only one label value.</li>
 *   <li>A single group: every weight would be 1, which almost always means the wrong column was
 *       given; refused. With {@code privileged}, a privileged value that does not occur, or no other
 *       value, is refused likewise.</li>
 *   <li>Labels that take more than two values, or do not include the favorable label at all.</li>
 *   <li>A null group value, a group value containing {@code '&'} when several attributes are combined,
 *       arrays of different lengths, no rows.</li>
 *   <li>Prior weights that are NaN, infinite or negative. Prior weights need not sum to \(n\): the
 *       cell weights depend only on proportions (scaling every prior weight by \(c\) leaves them
 *       unchanged), and the new weights keep the prior total \(W\), so weights that summed to 1 still
 *       sum to 1 after reweighing. Zero prior weights are allowed (the row stays at weight 0).</li>
 *   <li>At {@link #transform transform} time, a group value that was not seen when fitting is refused,
 *       also in the privileged form (a new value might not belong with the pooled ones); a label that is
 *       neither the favorable nor the fitted unfavorable label is refused.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <p>References: F. Kamiran and T. Calders, "Data preprocessing techniques for classification without
 * discrimination", Knowledge and Information Systems 33(1), 1–33, 2012,
 * <a href="https://doi.org/10.1007/s10115-011-0463-8">doi:10.1007/s10115-011-0463-8</a>;
 * AIF360 {@code aif360.algorithms.preprocessing.Reweighing}.
 *
 * @since 0.1.0
 */
public final class Reweighing implements Mitigation {

    /** The name of the privileged cell group in the privileged-versus-rest form. */
    public static final String PRIVILEGED = GroupAttribute.PRIVILEGED;
    /** The name of the pooled unprivileged cell group in the privileged-versus-rest form. */
    public static final String UNPRIVILEGED = GroupAttribute.UNPRIVILEGED;
    /** The separator that joins the values of several protected attributes into one group. */
    public static final String INTERSECTION_SEPARATOR = "&";

    private final int favorableLabel;
    private final int unfavorableLabel;
    private final Set<String> privilegedValues;
    private final ReweighingCells cells;
    private final double[] rowWeights;
    private final double totalWeight;
    private final Provenance provenance;

    Reweighing(int favorableLabel, int unfavorableLabel, Set<String> privilegedValues,
               Map<String, Integer> groupOfValue, List<ReweighingCell> cells, double[] rowWeights,
               double totalWeight, Provenance provenance) {
        this.favorableLabel = favorableLabel;
        this.unfavorableLabel = unfavorableLabel;
        this.privilegedValues = Collections.unmodifiableSet(new TreeSet<>(privilegedValues));
        this.cells = new ReweighingCells(favorableLabel, unfavorableLabel, groupOfValue, cells);
        this.rowWeights = rowWeights;
        this.totalWeight = totalWeight;
        this.provenance = provenance;
    }

    // ------------------------------------------------------------------------------------ factories

    /**
     * Fits reweighing with every group separately, favorable label 1 and unit prior weights.
     *
     * @param labels the binary labels, one per row; 1 is favorable
     * @param groups the protected group of each row
     * @return the fitted reweighing, whose {@link #weights()} are the new weights of these rows
     * @throws IllegalArgumentException on bad input, see the class documentation
     */
    public static Reweighing fit(int[] labels, String[] groups) {
        return builder().fit(labels, groups);
    }

    /**
     * Fits reweighing with every group separately and favorable label 1, on data that already has
     * instance weights.
     *
     * @param labels       the binary labels; 1 is favorable
     * @param groups       the protected group of each row
     * @param priorWeights the existing instance weights (finite, {@code >= 0}); the new weights are these
     *                     times the cell weights
     * @return the fitted reweighing
     * @throws IllegalArgumentException on bad input, see the class documentation
     */
    public static Reweighing fit(int[] labels, String[] groups, double[] priorWeights) {
        return builder().fit(labels, groups, priorWeights);
    }

    /**
     * Fits reweighing with every group separately and the given favorable label.
     *
     * @param labels    the binary labels
     * @param groups    the protected group of each row
     * @param favorable the favorable label value; the one other value in {@code labels} is unfavorable
     * @return the fitted reweighing
     * @throws IllegalArgumentException on bad input, see the class documentation
     */
    public static Reweighing fit(int[] labels, String[] groups, int favorable) {
        return builder().favorable(favorable).fit(labels, groups);
    }

    /**
     * Fits reweighing on the combination of several protected attributes (every observed combination
     * is a group, named by its values joined with {@code '&'}), favorable label 1.
     *
     * @param labels           the binary labels; 1 is favorable
     * @param protectedColumns {@code protectedColumns[k][i]} is the value of the k-th protected attribute
     *                         in row i
     * @return the fitted reweighing
     * @throws IllegalArgumentException on bad input, see the class documentation
     */
    public static Reweighing fit(int[] labels, String[][] protectedColumns) {
        return builder().fit(labels, protectedColumns);
    }

    /** @return a builder for the options (favorable label, privileged value) */
    public static Builder builder() {
        return new Builder();
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
    public static String[] intersect(String[]... protectedColumns) {
        return GroupColumns.intersect(protectedColumns);
    }

    // ------------------------------------------------------------------------------------ accessors

    /** @return the new weight of every training row, in row order (a copy) */
    public double[] weights() {
        return rowWeights.clone();
    }

    /**
     * The weight of a (group, label) cell: the factor the prior weight of every such row is
     * multiplied by.
     *
     * @param group a group value seen when fitting (in the privileged form, any value: the privileged
     *              one or one of the pooled others)
     * @param label the favorable or the unfavorable label
     * @return \(w(g, l)\)
     * @throws IllegalArgumentException if the group was not seen or the label is neither label
     */
    public double weight(String group, int label) {
        return cells.weight(group, label);
    }

    /**
     * The cell that a (group, label) pair falls in.
     *
     * @param group a group value seen when fitting
     * @param label the favorable or the unfavorable label
     * @return its cell
     * @throws IllegalArgumentException if the group was not seen or the label is neither label
     */
    public ReweighingCell cell(String group, int label) {
        return cells.cell(group, label);
    }

    /** @return every cell, group by group (in the privileged form privileged first), favorable first */
    public List<ReweighingCell> cells() {
        return cells.cells();
    }

    /** @return the group values seen when fitting, in sorted order */
    public List<String> groupValues() {
        return cells.groupValues();
    }

    /** @return the favorable label */
    public int favorableLabel() {
        return favorableLabel;
    }

    /** @return the unfavorable label: the other label value seen when fitting */
    public int unfavorableLabel() {
        return unfavorableLabel;
    }

    /** @return the privileged values in the privileged-versus-rest form (sorted); empty when every group
     *          is separate */
    public Set<String> privilegedValues() {
        return privilegedValues;
    }

    /** @return the number of training rows */
    public int rows() {
        return rowWeights.length;
    }

    /** @return \(W\), the total prior weight of the training rows (also the total of the new weights) */
    public double totalWeight() {
        return totalWeight;
    }

    /** @return what produced this reweighing: options and a fingerprint of the training input */
    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public String method() {
        return "reweighing";
    }

    /**
     * The cell weights. In the privileged-versus-rest form they also appear under AIF360's names
     * {@code w_p_fav}, {@code w_p_unfav}, {@code w_up_fav} and {@code w_up_unfav}.
     *
     * @return method, labels, privileged values and one entry per cell (group, members, label, rows, weight)
     */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("method", method());
        m.put("favorable_label", favorableLabel);
        m.put("unfavorable_label", unfavorableLabel);
        m.put("privileged", List.copyOf(privilegedValues));
        if (!privilegedValues.isEmpty()) {
            for (ReweighingCell c : cells.cells()) {
                m.put("w_" + (PRIVILEGED.equals(c.group()) ? "p" : "up") + (c.favorable() ? "_fav" : "_unfav"),
                        c.weight());
            }
        }
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (ReweighingCell c : cells.cells()) {
            Map<String, Object> e = new java.util.LinkedHashMap<>();
            e.put("group", c.group());
            e.put("members", c.members());
            e.put("label", c.label());
            e.put("rows", c.rows());
            e.put("weight", c.weight());
            list.add(e);
        }
        m.put("cells", list);
        return Collections.unmodifiableMap(m);
    }

    // ------------------------------------------------------------------------------------ transform

    /**
     * The weights of new rows with unit prior weights: the weight of each row's cell.
     *
     * @param labels the labels, each the favorable or the fitted unfavorable label
     * @param groups the group of each row, each seen when fitting
     * @return one weight per row
     * @throws IllegalArgumentException if the lengths differ, or a row has an unseen group or another
     *                                  label (the message names the row and value)
     */
    public double[] transform(int[] labels, String[] groups) {
        return transform(labels, groups, null);
    }

    /**
     * The weights of new rows that already have instance weights: prior weight times cell weight, as
     * AIF360's {@code transform} multiplies {@code instance_weights}.
     *
     * @param labels       the labels, each the favorable or the fitted unfavorable label
     * @param groups       the group of each row, each seen when fitting
     * @param priorWeights the existing weights (finite, {@code >= 0}), or null for unit weights
     * @return one weight per row
     * @throws IllegalArgumentException on mismatched lengths, an unseen group, another label or a bad
     *                                  prior weight (the message names the row and value)
     */
    public double[] transform(int[] labels, String[] groups, double[] priorWeights) {
        return cells.transform(labels, groups, priorWeights);
    }

    /**
     * The weights of new rows described by several protected attributes, as fitted by
     * {@link #fit(int[], String[][])}.
     *
     * @param labels           the labels
     * @param protectedColumns {@code protectedColumns[k][i]} is the value of attribute k in row i
     * @return one weight per row
     * @throws IllegalArgumentException on bad input, as {@link #transform(int[], String[])}
     */
    public double[] transform(int[] labels, String[][] protectedColumns) {
        return transform(labels, intersect(protectedColumns), null);
    }

    /** @return the cell table, one line per cell */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Reweighing(favorable=").append(favorableLabel)
                .append(", unfavorable=").append(unfavorableLabel);
        if (!privilegedValues.isEmpty()) {
            sb.append(", privileged=").append(privilegedValues);
        }
        sb.append(", rows=").append(rows()).append(")");
        for (ReweighingCell c : cells.cells()) {
            sb.append("\n  ").append(c.group()).append(" label=").append(c.label()).append(" rows=")
                    .append(c.rows()).append(" weight=").append(c.weight());
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------ builder

    /**
     * Options of a reweighing; {@code fit} methods compute it. Not thread-safe; a builder may be reused
     * for several fits.
     */
    public static final class Builder {
        private int favorable = 1;
        private Set<String> privileged = Set.of();

        private Builder() {
        }

        /**
         * @param favorable the favorable label value (default 1); the one other label value in the data
         *                  is the unfavorable label
         * @return this builder
         */
        public Builder favorable(int favorable) {
            this.favorable = favorable;
            return this;
        }

        /**
         * Switches to AIF360's privileged-versus-rest form: rows with one of these values are the
         * privileged group and all other values are pooled into one unprivileged group. No value (the
         * default) means every group separately.
         *
         * @param privilegedValues the privileged group values (for several attributes, the joined form,
         *                         e.g. {@code male&gt25})
         * @return this builder
         * @throws IllegalArgumentException if a value is null
         */
        public Builder privileged(String... privilegedValues) {
            return privileged(Arrays.asList(privilegedValues));
        }

        /**
         * As {@link #privileged(String...)}.
         *
         * @param privilegedValues the privileged group values; empty for every group separately
         * @return this builder
         * @throws IllegalArgumentException if a value is null
         */
        public Builder privileged(Collection<String> privilegedValues) {
            Set<String> set = new TreeSet<>();
            for (String v : privilegedValues) {
                if (v == null) {
                    throw new IllegalArgumentException("privilegedValues: a privileged value is null");
                }
                set.add(v);
            }
            this.privileged = set;
            return this;
        }

        /**
         * Fits on unit prior weights.
         *
         * @param labels the binary labels
         * @param groups the protected group of each row
         * @return the fitted reweighing
         * @throws IllegalArgumentException on bad input, see {@link Reweighing}
         */
        public Reweighing fit(int[] labels, String[] groups) {
            return fit(labels, groups, null);
        }

        /**
         * Fits on the combination of several protected attributes, unit prior weights.
         *
         * @param labels           the binary labels
         * @param protectedColumns {@code protectedColumns[k][i]} is the value of attribute k in row i
         * @return the fitted reweighing
         * @throws IllegalArgumentException on bad input, see {@link Reweighing}
         */
        public Reweighing fit(int[] labels, String[][] protectedColumns) {
            return fit(labels, intersect(protectedColumns), null);
        }

        /**
         * Fits on the combination of several protected attributes, with prior weights.
         *
         * @param labels           the binary labels
         * @param protectedColumns {@code protectedColumns[k][i]} is the value of attribute k in row i
         * @param priorWeights     existing instance weights, or null for unit weights
         * @return the fitted reweighing
         * @throws IllegalArgumentException on bad input, see {@link Reweighing}
         */
        public Reweighing fit(int[] labels, String[][] protectedColumns, double[] priorWeights) {
            return fit(labels, intersect(protectedColumns), priorWeights);
        }

        /**
         * Fits on data with prior instance weights: every sum in the weight formula is a sum of prior
         * weights, and each row's new weight is its prior weight times its cell's weight.
         *
         * @param labels       the binary labels
         * @param groups       the protected group of each row
         * @param priorWeights existing instance weights (finite, {@code >= 0}), or null for unit weights
         * @return the fitted reweighing
         * @throws IllegalArgumentException on bad input, see {@link Reweighing}
         */
        public Reweighing fit(int[] labels, String[] groups, double[] priorWeights) {
            return ReweighingFit.fit(favorable, privileged, labels, groups, priorWeights);
        }

        /**
         * Fits on a protected attribute already encoded as group codes; its name appears in messages.
         * With privileged values the attribute is pooled by {@link GroupAttribute#pooled}.
         *
         * @param labels       the binary labels
         * @param groups       the protected attribute, one code per row
         * @param priorWeights existing instance weights (finite, {@code >= 0}), or null for unit weights
         * @return the fitted reweighing
         * @throws IllegalArgumentException on bad input, see {@link Reweighing}
         */
        public Reweighing fit(int[] labels, GroupAttribute groups, double[] priorWeights) {
            return ReweighingFit.fit(favorable, privileged, labels, groups, priorWeights);
        }
    }
}
