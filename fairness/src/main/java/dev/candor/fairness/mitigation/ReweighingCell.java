package dev.candor.fairness.mitigation;

import java.util.List;
import java.util.Objects;

/**
 * One (group, label) cell of a fitted {@link Reweighing}: how much data it holds and the weight every
 * row of it receives.
 *
 * <p>The weight is the Kamiran–Calders ratio of the expected to the observed probability of the
 * cell, \( w(g, l) = \frac{W_g \, W_l}{W \, W_{g,l}} \), where \(W\) is the total (prior) weight,
 * \(W_g\) the weight of group \(g\), \(W_l\) the weight of label \(l\) and \(W_{g,l}\) the weight of
 * the cell; with unit prior weights these are row counts. A weight above 1 means the cell is
 * under-represented relative to independence of group and label.
 *
 * @param group      the cell's group: a group value, or {@code "privileged"} / {@code "unprivileged"}
 *                   when the reweighing compares a privileged value with all others pooled
 * @param members    the group values the cell covers (one value, or every pooled unprivileged value)
 * @param label      the label value of the cell
 * @param favorable  whether {@code label} is the favorable label
 * @param rows       the number of rows in the cell
 * @param weightSum  \(W_{g,l}\), the sum of the prior weights of those rows (equal to {@code rows}
 *                   with unit prior weights)
 * @param weight     \(w(g, l)\), the factor every row of the cell is multiplied by
 * @since 0.1.0
 */
public record ReweighingCell(String group, List<String> members, int label, boolean favorable, long rows,
                             double weightSum, double weight) {

    /** Copies the member list; the group must not be null. */
    public ReweighingCell {
        Objects.requireNonNull(group, "group");
        members = List.copyOf(Objects.requireNonNull(members, "members"));
    }
}
