package dev.candor.fairness.mitigation;

import java.util.Objects;

/**
 * Weighted statistical parity of the labels of a data set between a privileged group and the rest,
 * as AIF360's {@code BinaryLabelDatasetMetric} computes it with {@code instance_weights}:
 * \( \text{base rate}(G) = \sum_{i \in G, y_i = \text{fav}} w_i / \sum_{i \in G} w_i \),
 * statistical parity difference = base rate(unprivileged) − base rate(privileged), disparate impact =
 * base rate(unprivileged) / base rate(privileged). Used to check that reweighing removes the label
 * disparity; a zero or empty denominator gives NaN.
 *
 * @param baseRatePrivileged   the weighted base rate of the privileged group
 * @param baseRateUnprivileged the weighted base rate of all other rows pooled
 */
record LabelParity(double baseRatePrivileged, double baseRateUnprivileged) {

    static LabelParity of(int[] labels, String[] groups, double[] weights, int favorable, String privileged) {
        Objects.requireNonNull(privileged, "privileged");
        if (groups.length != labels.length || (weights != null && weights.length != labels.length)) {
            throw new IllegalArgumentException("labels, groups and weights differ in length");
        }
        CompensatedSums s = new CompensatedSums(4);
        for (int i = 0; i < labels.length; i++) {
            int g = privileged.equals(groups[i]) ? 0 : 2;
            double w = weights == null ? 1.0 : weights[i];
            s.add(g, w);
            if (labels[i] == favorable) {
                s.add(g + 1, w);
            }
        }
        return new LabelParity(ratio(s.sum(1), s.sum(0)), ratio(s.sum(3), s.sum(2)));
    }

    private static double ratio(double num, double den) {
        return den > 0 ? num / den : Double.NaN;
    }

    double statisticalParityDifference() {
        return baseRateUnprivileged - baseRatePrivileged;
    }

    double disparateImpact() {
        return baseRatePrivileged > 0 ? baseRateUnprivileged / baseRatePrivileged : Double.NaN;
    }
}
