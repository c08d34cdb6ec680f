package dev.candor.explain.shap;

import dev.candor.core.Provenance;
import java.util.Arrays;
import java.util.Objects;

/**
 * The Shapley values of one explained row.
 *
 * <p>On the link scale {@code g} (see {@link Link}), the values add up exactly (to rounding, 1e-9):
 * {@code prediction() = baseValue() + sum_j values()[j]}, where {@code baseValue() = g(E[f])} is the
 * link of the weighted mean model output over the background and {@code prediction() = g(f(x))}.
 * With the identity link these are the model's own outputs. There is one value per player (per
 * column, or per group when {@link FeatureGroups} are used); a player whose columns equal every
 * background value cannot change the output and gets exactly 0.
 *
 * @param baseValue   {@code g(E[f])}, the expected model output over the background on the link scale
 * @param values      the Shapley values, one per player
 * @param prediction  {@code g(f(x))}, the explained row's output on the link scale
 * @param link        the link scale
 * @param coalitions  how many coalitions were evaluated (each over every background row)
 * @param exact       true when every coalition was enumerated, so the values are the exact Shapley
 *                    values rather than an estimate
 * @param provenance  what made the explanation (algorithm, settings, seed, input fingerprint)
 * @since 0.1.0
 */
public record ShapExplanation(double baseValue, double[] values, double prediction, Link link, int coalitions,
                              boolean exact, Provenance provenance) {

    public ShapExplanation {
        values = Objects.requireNonNull(values, "values").clone();
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** @return a copy of the Shapley values, one per player */
    @Override
    public double[] values() {
        return values.clone();
    }

    /**
     * @param player a player index
     * @return its Shapley value
     */
    public double value(int player) {
        return values[player];
    }

    /** @return the number of players */
    public int size() {
        return values.length;
    }

    /** @return the model output f(x) itself, {@code g^-1(prediction())} */
    public double modelPrediction() {
        return link.inverse(prediction);
    }

    /** @return the expected model output E[f] itself, {@code g^-1(baseValue())} */
    public double modelBaseValue() {
        return link.inverse(baseValue);
    }

    /**
     * @return {@code prediction - baseValue - sum(values)}, which is 0 up to rounding (the efficiency
     *         property, enforced exactly by the estimator)
     */
    public double efficiencyResidual() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return prediction - baseValue - s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShapExplanation e && Double.compare(baseValue, e.baseValue) == 0
                && Double.compare(prediction, e.prediction) == 0 && Arrays.equals(values, e.values)
                && link == e.link && coalitions == e.coalitions && exact == e.exact;
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseValue, prediction, Arrays.hashCode(values), link, coalitions, exact);
    }

    @Override
    public String toString() {
        return "ShapExplanation[base=" + baseValue + ", prediction=" + prediction + ", values="
                + Arrays.toString(values) + ", link=" + link + ", coalitions=" + coalitions + ", exact=" + exact + "]";
    }
}
