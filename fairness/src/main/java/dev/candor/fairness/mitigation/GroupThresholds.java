package dev.candor.fairness.mitigation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One group's randomized threshold rule, learned by {@link ThresholdOptimizer}: with probability
 * {@code p0} decide favorable iff {@code score > threshold0}, with probability {@code p1 = 1 − p0} iff
 * {@code score > threshold1}; under equalized odds, that decision is further replaced, with probability
 * {@code pIgnore}, by a constant classifier that is favorable with probability
 * {@code predictionConstant}. So
 * \[ P(\hat y = 1 \mid s) = p_\text{ignore}\,c + (1 - p_\text{ignore})\,
 *    \big(p_0 [s > t_0] + p_1 [s > t_1]\big). \]
 *
 * @param group              the group value
 * @param count              its rows in the fitting data
 * @param proportion         count / all rows
 * @param hullX              the x of the group's upper hull points (a copy is kept)
 * @param hullY              their y
 * @param hullThreshold      their thresholds (±∞ at the ends)
 * @param hullSegment        j: operation 0 is hull point j, operation 1 hull point j + 1
 * @param curveX             the chosen x (the common rate)
 * @param curveY             the group's interpolated y at {@code curveX}
 * @param p0                 the probability of operation 0
 * @param threshold0         operation 0's threshold
 * @param p1                 the probability of operation 1
 * @param threshold1         operation 1's threshold
 * @param pIgnore            equalized odds: probability of the constant classifier; otherwise 0
 * @param predictionConstant equalized odds: the constant classifier's P(favorable); otherwise NaN
 * @param equalizedOdds      whether {@code pIgnore} and {@code predictionConstant} apply
 * @since 0.1.0
 */
public record GroupThresholds(String group, int count, double proportion, double[] hullX, double[] hullY,
                              double[] hullThreshold, int hullSegment, double curveX, double curveY,
                              double p0, double threshold0, double p1, double threshold1, double pIgnore,
                              double predictionConstant, boolean equalizedOdds) {

    public GroupThresholds {
        hullX = hullX.clone();
        hullY = hullY.clone();
        hullThreshold = hullThreshold.clone();
    }

    @Override
    public double[] hullX() {
        return hullX.clone();
    }

    @Override
    public double[] hullY() {
        return hullY.clone();
    }

    @Override
    public double[] hullThreshold() {
        return hullThreshold.clone();
    }

    /**
     * @param score a row's score
     * @return the probability that this rule decides favorable
     */
    public double favorableProbability(double score) {
        double q = (score > threshold0 ? p0 : 0) + (score > threshold1 ? p1 : 0);
        return equalizedOdds ? pIgnore * predictionConstant + (1 - pIgnore) * q : q;
    }

    /** @return the rule under fairlearn's names ({@code p0}, {@code operation0}, ...) */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("proportion", proportion);
        m.put("p0", p0);
        m.put("operation0", operation(threshold0));
        m.put("p1", p1);
        m.put("operation1", operation(threshold1));
        if (equalizedOdds) {
            m.put("p_ignore", pIgnore);
            m.put("prediction_constant", predictionConstant);
        }
        m.put("hull_segment", hullSegment);
        m.put("curve", Map.of("x", curveX, "y", curveY));
        Map<String, Object> hull = new LinkedHashMap<>();
        hull.put("x", list(hullX));
        hull.put("y", list(hullY));
        hull.put("threshold", list(hullThreshold));
        m.put("hull", hull);
        return m;
    }

    private static Map<String, Object> operation(double threshold) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operator", ">");
        op.put("threshold", threshold);
        return op;
    }

    private static List<Double> list(double[] a) {
        List<Double> l = new ArrayList<>(a.length);
        for (double v : a) {
            l.add(v);
        }
        return l;
    }
}
