package dev.candor.explain.lime;

import dev.candor.core.Provenance;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A LIME explanation of one prediction: the weighted linear surrogate fitted around the row.
 *
 * <p>With discretization (the default), feature j's weight is the surrogate's coefficient of the
 * indicator "the sample's bin (or category) of feature j equals the explained row's", whose
 * readable form is {@code conditions().get(j)}, for example {@code "2.00 < f3 <= 4.00"} or
 * {@code "housing=own"}. Without discretization a continuous feature's weight is per standard
 * deviation of that feature. A feature the selection left out, or whose indicator is the same for
 * every sample (a feature with a single observed bin), has weight exactly 0.
 *
 * <p>The surrogate is g(z) = intercept + Σ weights[j] z<sub>j</sub>; {@link #localPrediction()} is
 * g at the explained row (for the binary representation, intercept + Σ weights), and
 * {@link #score()} is the surrogate's weighted R² on the neighbourhood, NaN with
 * {@link ScoreStatus#CONSTANT_MODEL_OUTPUT} when the model's output does not vary there (0/0).
 *
 * <p>Immutable: array accessors return copies.
 *
 * @param weights          one weight per feature, by feature index
 * @param intercept        the surrogate's intercept
 * @param score            weighted R² of the surrogate, or NaN (see {@link #scoreStatus()})
 * @param scoreStatus      why the score is or is not defined
 * @param localPrediction  the surrogate's prediction at the explained row
 * @param modelPrediction  the model's output for the explained row
 * @param features         the features used by the surrogate, by decreasing |weight|
 * @param conditions       the readable condition (or name) of every feature for the explained row
 * @param provenance       what produced the explanation (parameters, seed, row index, input)
 * @since 0.1.0
 */
public record LimeExplanation(double[] weights, double intercept, double score, ScoreStatus scoreStatus,
                              double localPrediction, double modelPrediction, int[] features,
                              List<String> conditions, Provenance provenance) {

    /** Whether {@link #score()} is defined. */
    public enum ScoreStatus {
        /** The weighted R² is a number. */
        DEFINED,
        /** The model's output is constant over the neighbourhood: R² is 0/0 and reported as NaN. */
        CONSTANT_MODEL_OUTPUT
    }

    public LimeExplanation {
        weights = Objects.requireNonNull(weights, "weights").clone();
        features = Objects.requireNonNull(features, "features").clone();
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(scoreStatus, "scoreStatus");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** @return one weight per feature, by feature index (a copy) */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** @return the used features by decreasing |weight| (a copy) */
    @Override
    public int[] features() {
        return features.clone();
    }

    /**
     * @param feature a feature index
     * @return its weight
     */
    public double weight(int feature) {
        return weights[feature];
    }

    /**
     * The explanation as (condition, weight) pairs by decreasing |weight|, as the reference's
     * {@code as_list()} gives it.
     *
     * @return the used features' conditions and weights
     */
    public List<java.util.Map.Entry<String, Double>> asList() {
        java.util.List<java.util.Map.Entry<String, Double>> out = new java.util.ArrayList<>();
        for (int j : features) {
            out.add(java.util.Map.entry(conditions.get(j), weights[j]));
        }
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LimeExplanation e && Arrays.equals(weights, e.weights)
                && Double.compare(intercept, e.intercept) == 0 && Double.compare(score, e.score) == 0
                && scoreStatus == e.scoreStatus && Double.compare(localPrediction, e.localPrediction) == 0
                && Double.compare(modelPrediction, e.modelPrediction) == 0 && Arrays.equals(features, e.features)
                && conditions.equals(e.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(weights), intercept, score, localPrediction, modelPrediction,
                Arrays.hashCode(features), conditions);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LimeExplanation[prediction=").append(modelPrediction)
                .append(", local=").append(localPrediction).append(", intercept=").append(intercept)
                .append(", score=").append(score);
        for (int j : features) {
            sb.append(", ").append(conditions.get(j)).append(": ").append(weights[j]);
        }
        return sb.append(']').toString();
    }
}
