package dev.candor.fairness.mitigation;

import dev.candor.core.BadInputException;
import dev.candor.core.Provenance;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Calibrated equalized-odds post-processing (Pleiss et al. 2017) as AIF360's
 * {@code CalibratedEqOddsPostprocessing} (v0.6.1): the group whose calibrated scores cost less is made to
 * cost as much as the other by replacing, at random, a share of its scores with its base rate (the
 * "trivial" score, which is calibrated too), so the two groups' costs are equal while the scores stay
 * calibrated.
 *
 * <h2>Mixing rates</h2>
 * With cost_g the {@link CostConstraint} of group g's scores and trivial_g that of the trivial scores
 * (GFPR = br, GFNR = 1 − br): if cost_u &gt; cost_p, priv_mix_rate = (cost_u − cost_p) / (trivial_p − cost_p)
 * and unpriv_mix_rate = 0; otherwise priv_mix_rate = 0 and
 * unpriv_mix_rate = (cost_p − cost_u) / (trivial_u − cost_u). The rates are kept unclipped, as AIF360 stores
 * them; when one exceeds 1 the trivial classifier cannot raise the group's cost far enough and every row
 * of it is replaced (the costs then stay unequal).
 *
 * <h2>Decisions</h2>
 * A row of group g keeps its score with probability 1 − m_g and gets br_g otherwise, m_g the mixing rate
 * clipped to [0, 1]; it is favorable iff the resulting score ≥ 0.5. So
 * P(favorable) = (1 − m_g)[s ≥ 0.5] + m_g [br_g ≥ 0.5].
 *
 * <h2>Edge cases</h2>
 * Scores outside [0, 1], a group with only one label value (its generalized rates are undefined), and
 * when applying a group value not seen when fitting: {@link BadInputException} naming the group. If the
 * cheaper group's trivial cost equals its cost the mixing rate is undefined; that is refused too.
 *
 * <p>Reference: G. Pleiss, M. Raghavan, F. Wu, J. Kleinberg, K. Q. Weinberger, "On Fairness and
 * Calibration", NeurIPS 2017, arXiv:1709.02012; AIF360
 * {@code aif360.algorithms.postprocessing.CalibratedEqOddsPostprocessing}.
 *
 * @since 0.1.0
 */
public final class CalibratedEqOddsPostprocessing implements PostProcessor {

    /** The decision threshold on the (possibly replaced) score. */
    public static final double DECISION_THRESHOLD = 0.5;

    private final PrivilegedSplit split;
    private final CostConstraint costConstraint;
    private final double[] baseRate; // privileged, unprivileged
    private final double[] cost;
    private final double[] trivialCost;
    private final double[] gfpr;
    private final double[] gfnr;
    private final double[] mixRate;
    private final Provenance provenance;

    private CalibratedEqOddsPostprocessing(PrivilegedSplit split, CostConstraint costConstraint, double[] baseRate,
                                           double[] cost, double[] trivialCost, double[] gfpr, double[] gfnr,
                                           double[] mixRate, Provenance provenance) {
        this.split = split;
        this.costConstraint = costConstraint;
        this.baseRate = baseRate;
        this.cost = cost;
        this.trivialCost = trivialCost;
        this.gfpr = gfpr;
        this.gfnr = gfnr;
        this.mixRate = mixRate;
        this.provenance = provenance;
    }

    /**
     * @param privileged the privileged value(s); every other value is pooled into the unprivileged group
     * @return a builder (cost constraint {@code weighted} by default, as AIF360)
     */
    public static Builder builder(String... privileged) {
        return new Builder(List.of(privileged));
    }

    /** @return the cost constraint */
    public CostConstraint costConstraint() {
        return costConstraint;
    }

    /** @return {@code priv_mix_rate}, unclipped */
    public double privMixRate() {
        return mixRate[0];
    }

    /** @return {@code unpriv_mix_rate}, unclipped */
    public double unprivMixRate() {
        return mixRate[1];
    }

    /** @return the privileged group's base rate P(y = favorable) */
    public double baseRatePriv() {
        return baseRate[0];
    }

    /** @return the unprivileged group's base rate */
    public double baseRateUnpriv() {
        return baseRate[1];
    }

    /**
     * @param privileged which group
     * @return that group's cost of the original scores
     */
    public double cost(boolean privileged) {
        return cost[privileged ? 0 : 1];
    }

    /**
     * @param privileged which group
     * @return that group's cost of the trivial scores
     */
    public double trivialCost(boolean privileged) {
        return trivialCost[privileged ? 0 : 1];
    }

    /**
     * @param privileged which group
     * @return the expected cost after mixing, (1 − m)·cost + m·trivial cost
     */
    public double expectedCost(boolean privileged) {
        int g = privileged ? 0 : 1;
        double m = mixProbability(g);
        return (1 - m) * cost[g] + m * trivialCost[g];
    }

    /**
     * @param privileged which group
     * @return the group's generalized false positive rate Σ_{y=0} s / N
     */
    public double generalizedFalsePositiveRate(boolean privileged) {
        return gfpr[privileged ? 0 : 1];
    }

    /**
     * @param privileged which group
     * @return the group's generalized false negative rate Σ_{y=1} (1 − s) / P
     */
    public double generalizedFalseNegativeRate(boolean privileged) {
        return gfnr[privileged ? 0 : 1];
    }

    /**
     * @param privileged which group
     * @return the probability that a row's score is replaced: the mixing rate clipped to [0, 1]
     */
    public double mixProbability(boolean privileged) {
        return mixProbability(privileged ? 0 : 1);
    }

    private double mixProbability(int g) {
        return Math.min(Math.max(mixRate[g], 0), 1);
    }

    @Override
    public double[] favorableProbability(double[] scores, String[] groups) {
        ThresholdOptimizer.requireSameLength(scores, groups);
        CalibrationData.checkScores(scores, true);
        String[] pooled = split.pool(groups);
        double[] q = new double[scores.length];
        for (int i = 0; i < q.length; i++) {
            int g = PrivilegedSplit.PRIVILEGED.equals(pooled[i]) ? 0 : 1;
            double m = mixProbability(g);
            q[i] = (1 - m) * (scores[i] >= DECISION_THRESHOLD ? 1 : 0) + m * (baseRate[g] >= DECISION_THRESHOLD ? 1 : 0);
        }
        return q;
    }

    @Override
    public String method() {
        return "calibrated_eq_odds";
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method());
        m.put("privileged", split.privilegedList());
        m.put("cost_constraint", costConstraint.key());
        m.put("base_rate_priv", baseRate[0]);
        m.put("base_rate_unpriv", baseRate[1]);
        m.put("priv_mix_rate", mixRate[0]);
        m.put("unpriv_mix_rate", mixRate[1]);
        m.put("unpriv_costs_more", cost[1] > cost[0]);
        Map<String, Object> groups = new LinkedHashMap<>();
        for (int g = 0; g < 2; g++) {
            Map<String, Object> gi = new LinkedHashMap<>();
            gi.put("cost", cost[g]);
            gi.put("trivial_cost", trivialCost[g]);
            gi.put("generalized_false_positive_rate", gfpr[g]);
            gi.put("generalized_false_negative_rate", gfnr[g]);
            gi.put("trivial_score", baseRate[g]);
            gi.put("trivial_label_favorable", baseRate[g] >= DECISION_THRESHOLD);
            gi.put("mix_probability", mixProbability(g));
            gi.put("expected_cost", expectedCost(g == 0));
            groups.put(g == 0 ? PrivilegedSplit.PRIVILEGED : PrivilegedSplit.UNPRIVILEGED, gi);
        }
        m.put("groups", groups);
        return Collections.unmodifiableMap(m);
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public String toString() {
        return "CalibratedEqOddsPostprocessing(" + costConstraint.key() + ", priv_mix_rate=" + mixRate[0]
                + ", unpriv_mix_rate=" + mixRate[1] + ")";
    }

    /** Options of calibrated equalized-odds post-processing; {@link #fit} computes the mixing rates. */
    public static final class Builder {
        private final List<String> privileged;
        private CostConstraint costConstraint = CostConstraint.WEIGHTED;
        private int favorable = 1;

        private Builder(List<String> privileged) {
            this.privileged = privileged;
        }

        /** @param c the cost to equalize (default weighted) @return this builder */
        public Builder costConstraint(CostConstraint c) {
            this.costConstraint = Objects.requireNonNull(c, "costConstraint");
            return this;
        }

        /** @param label the favorable label (default 1) @return this builder */
        public Builder favorable(int label) {
            this.favorable = label;
            return this;
        }

        /**
         * Computes the mixing rates on calibration data.
         *
         * @param scores calibrated P(favorable) of each row, in [0, 1]
         * @param labels the true labels
         * @param groups each row's group value
         * @return the fitted post-processor
         * @throws BadInputException on bad input, see {@link CalibratedEqOddsPostprocessing}
         */
        public CalibratedEqOddsPostprocessing fit(double[] scores, int[] labels, String[] groups) {
            Objects.requireNonNull(groups, "groups");
            PrivilegedSplit split = PrivilegedSplit.fit(groups, privileged);
            CalibrationData d = CalibrationData.of(scores, labels, favorable, split.pool(groups), true);
            d.requireBothLabels("calibrated equalized-odds post-processing", split::display);
            CompensatedSums sums = new CompensatedSums(4); // per group: s on y=0, (1 - s) on y=1
            for (int i = 0; i < d.rows(); i++) {
                int g = d.codes[i];
                if (d.positive[i]) {
                    sums.add(2 * g + 1, 1 - d.scores[i]);
                } else {
                    sums.add(2 * g, d.scores[i]);
                }
            }
            double[] br = new double[2];
            double[] gfpr = new double[2];
            double[] gfnr = new double[2];
            double[] cost = new double[2];
            double[] trivial = new double[2];
            for (int g = 0; g < 2; g++) {
                double p = d.positives[g];
                double n = d.count[g] - p;
                br[g] = p / d.count[g];
                gfpr[g] = sums.sum(2 * g) / n;
                gfnr[g] = sums.sum(2 * g + 1) / p;
                cost[g] = costConstraint.cost(gfpr[g], gfnr[g], br[g]);
                trivial[g] = costConstraint.cost(br[g], 1 - br[g], br[g]);
            }
            double[] mix = new double[2];
            int cheaper = cost[1] > cost[0] ? 0 : 1;
            if (trivial[cheaper] == cost[cheaper] && cost[0] != cost[1]) {
                throw new BadInputException("calibrated equalized-odds post-processing: group "
                        + split.display(d.groups.get(cheaper)) + " costs as much with its trivial scores as with its "
                        + "own (" + cost[cheaper] + "), so no mixing rate equalizes the costs");
            }
            mix[cheaper] = cost[0] == cost[1] && trivial[cheaper] == cost[cheaper] ? 0
                    : (cost[1 - cheaper] - cost[cheaper]) / (trivial[cheaper] - cost[cheaper]);
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("privileged", split.privilegedList());
            params.put("favorable", favorable);
            params.put("cost_constraint", costConstraint.key());
            return new CalibratedEqOddsPostprocessing(split, costConstraint, br, cost, trivial, gfpr, gfnr, mix,
                    Provenance.of("CalibratedEqOddsPostprocessing", params, null, d.fingerprint()));
        }
    }
}
