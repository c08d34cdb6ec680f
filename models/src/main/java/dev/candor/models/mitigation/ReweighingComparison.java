package dev.candor.models.mitigation;

import dev.candor.core.Provenance;
import dev.candor.fairness.FairnessMetric;
import dev.candor.fairness.GroupMetrics;
import dev.candor.fairness.mitigation.Reweighing;
import java.util.Objects;

/**
 * The before/after result of reweighing: the same classifier trained without and with the reweighing
 * weights, each measured on the same held-out data, plus the label disparity of the training data
 * before and after the weights. Immutable; the report renders it side by side.
 *
 * <p>The training-label metrics are AIF360's {@code BinaryLabelDatasetMetric} on the true labels,
 * weighted by the instance weights: base rate per group \( \sum_{g, y=1} w / \sum_g w \), statistical
 * parity difference and disparate impact. After reweighing the weighted statistical parity
 * difference of the training labels is 0 (about 1e-16), whatever the classifier then does.
 *
 * @param attribute            the protected attribute
 * @param privileged           the privileged group name used for the privileged-form metrics
 * @param reweighing           the fitted reweighing (cell table, training weights)
 * @param trainingLabelsBefore group metrics of the training labels with unit weights (see
 *                             {@link GroupMetrics#labelMetrics()})
 * @param trainingLabelsAfter  the same with the reweighing weights
 * @param before               the classifier trained without weights, on the test data
 * @param after                the classifier trained with the reweighing weights, on the test data
 * @param provenance           what produced the comparison
 * @since 0.1.0
 */
public record ReweighingComparison(String attribute, String privileged, Reweighing reweighing,
                                   GroupMetrics trainingLabelsBefore, GroupMetrics trainingLabelsAfter,
                                   ModelEvaluation before, ModelEvaluation after, Provenance provenance) {

    /** Checks that no part is null. */
    public ReweighingComparison {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(privileged, "privileged");
        Objects.requireNonNull(reweighing, "reweighing");
        Objects.requireNonNull(trainingLabelsBefore, "trainingLabelsBefore");
        Objects.requireNonNull(trainingLabelsAfter, "trainingLabelsAfter");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** @return the weighted statistical parity difference of the training labels before reweighing */
    public double labelParityDifferenceBefore() {
        return trainingLabelsBefore.labelMetrics().get(FairnessMetric.STATISTICAL_PARITY_DIFFERENCE.key()).value();
    }

    /** @return the weighted statistical parity difference of the training labels after reweighing (≈ 0) */
    public double labelParityDifferenceAfter() {
        return trainingLabelsAfter.labelMetrics().get(FairnessMetric.STATISTICAL_PARITY_DIFFERENCE.key()).value();
    }

    /** @return accuracy before minus accuracy after: what the mitigation cost in accuracy (may be negative) */
    public double accuracyCost() {
        return before.scores().accuracy() - after.scores().accuracy();
    }

    /** @return a short text summary of the figures */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "Reweighing on %s (privileged %s): label SPD %.4f -> %.2e; predictions SPD %.4f -> %.4f, "
                        + "DI %.4f -> %.4f; accuracy %.4f -> %.4f, AUC %.4f -> %.4f",
                attribute, privileged, labelParityDifferenceBefore(), labelParityDifferenceAfter(),
                before.statisticalParityDifference(), after.statisticalParityDifference(), before.disparateImpact(),
                after.disparateImpact(), before.scores().accuracy(), after.scores().accuracy(), before.scores().auc(),
                after.scores().auc());
    }
}
