package dev.candor.models.mitigation;

import dev.candor.fairness.Comparison;
import dev.candor.fairness.FairnessMetric;
import dev.candor.fairness.GroupMetrics;
import dev.candor.models.ClassifierScores;
import java.util.Map;
import java.util.Objects;

/**
 * One trained classifier measured on held-out data: its overall quality and its group fairness
 * metrics on one protected attribute (privileged versus the other values pooled, and between groups).
 *
 * @param classifier the classifier's description ({@code TrainedClassifier.name()})
 * @param settings   how it was trained (kind, hyper-parameters, how weights were used)
 * @param scores     accuracy, balanced accuracy and AUC on the test data (unweighted)
 * @param groups     the group metrics of the test predictions (labels versus thresholded predictions)
 * @since 0.1.0
 */
public record ModelEvaluation(String classifier, Map<String, String> settings, ClassifierScores scores,
                              GroupMetrics groups) {

    /** Copies the settings, keeping their order; no part may be null. */
    public ModelEvaluation {
        Objects.requireNonNull(classifier, "classifier");
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(groups, "groups");
    }

    /**
     * @param name a metric of {@link GroupMetrics#metric(String)}, for example
     *             {@code statistical_parity_difference}
     * @return its value and the groups behind it (NaN with a reason when undefined)
     */
    public Comparison metric(String name) {
        return groups.metric(name);
    }

    /** @return the statistical parity difference of the predictions (unprivileged − privileged selection rate) */
    public double statisticalParityDifference() {
        return groups.metric(FairnessMetric.STATISTICAL_PARITY_DIFFERENCE).value();
    }

    /** @return the disparate impact of the predictions (unprivileged / privileged selection rate) */
    public double disparateImpact() {
        return groups.metric(FairnessMetric.DISPARATE_IMPACT).value();
    }
}
