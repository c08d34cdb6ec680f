package dev.candor.fairness.mitigation;

import dev.candor.core.BadInputException;
import dev.candor.core.Provenance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Equalized-odds post-processing (Hardt, Price and Srebro 2016) as AIF360's {@code EqOddsPostprocessing}
 * (v0.6.1): each group's thresholded prediction ŷ (favorable iff score ≥ 0.5) is kept or changed at
 * random so that both groups get the same true and false positive rates.
 *
 * <h2>The linear program</h2>
 * Variables x = (sp2p, sn2p, op2p, on2p) ∈ [0, 1]⁴: P(favorable | ŷ = favorable) and
 * P(favorable | ŷ = unfavorable) for the privileged ("s") and then the unprivileged ("o") group.
 * Minimize c·x, c = (FPR_p − TPR_p, TNR_p − FNR_p, FPR_u − TPR_u, TNR_u − FNR_u) — up to a constant the
 * sum over the two groups (not weighted by size) of the mixed classifier's FPR + FNR — subject to
 * TPR_p·sp2p + FNR_p·sn2p = TPR_u·op2p + FNR_u·on2p and FPR_p·sp2p + TNR_p·sn2p = FPR_u·op2p + TNR_u·on2p.
 * Solved with Commons Math's {@link SimplexSolver}. Where the optimum is unique (every case in the golden
 * files) the rates equal AIF360's; otherwise the objective value does.
 *
 * <p>A row with ŷ = favorable is favorable with probability p2p of its group, a row with ŷ = unfavorable
 * with probability n2p. (AIF360's {@code predict} instead flips exactly
 * {@code int(#unfavorable · n2p)} and {@code int(#favorable · (1 − p2p))} rows chosen by a shuffle;
 * {@link #describe()} records those counts under {@code predict}.)
 *
 * <h2>Edge cases</h2>
 * Scores outside [0, 1], a group with only one label value or with no favorable or no unfavorable
 * prediction is refused when fitting (its rates are undefined), as is an infeasible or unbounded program
 * and, when applying, a group value not seen when fitting; all with a {@link BadInputException} naming the
 * group.
 *
 * <p>Reference: M. Hardt, E. Price, N. Srebro, "Equality of Opportunity in Supervised Learning", NeurIPS
 * 2016, arXiv:1610.02413; AIF360 {@code aif360.algorithms.postprocessing.EqOddsPostprocessing}.
 *
 * @since 0.1.0
 */
public final class EqOddsPostprocessing implements PostProcessor {

    /** The prediction threshold: ŷ is favorable iff score ≥ this. */
    public static final double PREDICTION_THRESHOLD = 0.5;

    private final PrivilegedSplit split;
    private final double[] params; // sp2p, sn2p, op2p, on2p
    private final double[] c;
    private final double[][] aEq;
    private final double fun;
    private final Map<String, Object> groupInfo;
    private final Provenance provenance;

    private EqOddsPostprocessing(PrivilegedSplit split, double[] params, double[] c, double[][] aEq, double fun,
                                 Map<String, Object> groupInfo, Provenance provenance) {
        this.split = split;
        this.params = params;
        this.c = c;
        this.aEq = aEq;
        this.fun = fun;
        this.groupInfo = groupInfo;
        this.provenance = provenance;
    }

    /**
     * @param privileged the privileged value(s); every other value is pooled into the unprivileged group
     * @return a builder
     */
    public static Builder builder(String... privileged) {
        return new Builder(List.of(privileged));
    }

    /** @return P(favorable | ŷ favorable, privileged) */
    public double sp2p() {
        return params[0];
    }

    /** @return P(favorable | ŷ unfavorable, privileged) */
    public double sn2p() {
        return params[1];
    }

    /** @return P(favorable | ŷ favorable, unprivileged) */
    public double op2p() {
        return params[2];
    }

    /** @return P(favorable | ŷ unfavorable, unprivileged) */
    public double on2p() {
        return params[3];
    }

    /** @return the optimal objective value c·x */
    public double objectiveValue() {
        return fun;
    }

    /** @return the objective coefficients c (a copy) */
    public double[] objectiveCoefficients() {
        return c.clone();
    }

    /** @return the equality constraints' matrix (a copy) */
    public double[][] equalityMatrix() {
        return new double[][] {aEq[0].clone(), aEq[1].clone()};
    }

    @Override
    public double[] favorableProbability(double[] scores, String[] groups) {
        ThresholdOptimizer.requireSameLength(scores, groups);
        CalibrationData.checkScores(scores, true);
        String[] pooled = split.pool(groups);
        double[] q = new double[scores.length];
        for (int i = 0; i < q.length; i++) {
            int base = PrivilegedSplit.PRIVILEGED.equals(pooled[i]) ? 0 : 2;
            q[i] = scores[i] >= PREDICTION_THRESHOLD ? params[base] : params[base + 1];
        }
        return q;
    }

    @Override
    public String method() {
        return "eq_odds";
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method());
        m.put("privileged", split.privilegedList());
        Map<String, Object> mp = new LinkedHashMap<>();
        mp.put("sp2p", params[0]);
        mp.put("sn2p", params[1]);
        mp.put("op2p", params[2]);
        mp.put("on2p", params[3]);
        m.put("model_params", mp);
        Map<String, Object> lp = new LinkedHashMap<>();
        lp.put("c", toList(c));
        lp.put("A_eq", List.of(toList(aEq[0]), toList(aEq[1])));
        lp.put("b_eq", List.of(0.0, 0.0));
        lp.put("fun", fun);
        m.put("lp", lp);
        m.put("groups", groupInfo);
        return Collections.unmodifiableMap(m);
    }

    private static List<Double> toList(double[] a) {
        List<Double> l = new ArrayList<>();
        for (double v : a) {
            l.add(v);
        }
        return l;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public String toString() {
        return "EqOddsPostprocessing(sp2p=" + params[0] + ", sn2p=" + params[1] + ", op2p=" + params[2] + ", on2p="
                + params[3] + ")";
    }

    /** Options of equalized-odds post-processing; {@link #fit} solves the program. */
    public static final class Builder {
        private final List<String> privileged;
        private int favorable = 1;

        private Builder(List<String> privileged) {
            this.privileged = privileged;
        }

        /** @param label the favorable label (default 1) @return this builder */
        public Builder favorable(int label) {
            this.favorable = label;
            return this;
        }

        /**
         * Solves the linear program on calibration data.
         *
         * @param scores P(favorable) of each row, in [0, 1]; ŷ = score ≥ 0.5
         * @param labels the true labels
         * @param groups each row's group value
         * @return the fitted post-processor
         * @throws BadInputException on bad input, see {@link EqOddsPostprocessing}
         */
        public EqOddsPostprocessing fit(double[] scores, int[] labels, String[] groups) {
            Objects.requireNonNull(groups, "groups");
            PrivilegedSplit split = PrivilegedSplit.fit(groups, privileged);
            CalibrationData d = CalibrationData.of(scores, labels, favorable, split.pool(groups), true);
            d.requireBothLabels("equalized-odds post-processing", split::display);
            long[][] k = new long[2][4]; // per group: tp, fp, tn, fn of ŷ
            for (int i = 0; i < d.rows(); i++) {
                boolean fav = d.scores[i] >= PREDICTION_THRESHOLD;
                k[d.codes[i]][d.positive[i] ? (fav ? 0 : 3) : (fav ? 1 : 2)]++;
            }
            double[][] r = new double[2][];
            for (int g = 0; g < 2; g++) {
                long[] x = k[g];
                if (x[0] + x[1] == 0 || x[2] + x[3] == 0) {
                    throw new BadInputException("group " + split.display(d.groups.get(g)) + " has only "
                            + (x[0] + x[1] == 0 ? "unfavorable" : "favorable") + " predictions (score >= 0.5): "
                            + "equalized-odds post-processing needs both");
                }
                double pos = x[0] + x[3];
                double neg = x[1] + x[2];
                r[g] = new double[] {x[0] / pos, x[3] / pos, x[1] / neg, x[2] / neg}; // tpr, fnr, fpr, tnr
            }
            double[] c = {r[0][2] - r[0][0], r[0][3] - r[0][1], r[1][2] - r[1][0], r[1][3] - r[1][1]};
            double[][] aEq = {{r[0][0], r[0][1], -r[1][0], -r[1][1]}, {r[0][2], r[0][3], -r[1][2], -r[1][3]}};
            List<LinearConstraint> cons = new ArrayList<>();
            cons.add(new LinearConstraint(aEq[0], Relationship.EQ, 0));
            cons.add(new LinearConstraint(aEq[1], Relationship.EQ, 0));
            for (int v = 0; v < 4; v++) {
                double[] e = new double[4];
                e[v] = 1;
                cons.add(new LinearConstraint(e, Relationship.LEQ, 1));
            }
            PointValuePair sol;
            try {
                sol = new SimplexSolver().optimize(new MaxIter(1000), new LinearObjectiveFunction(c, 0),
                        new LinearConstraintSet(cons), GoalType.MINIMIZE, new NonNegativeConstraint(true));
            } catch (NoFeasibleSolutionException | UnboundedSolutionException e) {
                throw new BadInputException("equalized-odds post-processing: the linear program for groups "
                        + split.display(PrivilegedSplit.PRIVILEGED) + " and "
                        + split.display(PrivilegedSplit.UNPRIVILEGED) + " has no solution (" + e.getMessage() + ")",
                        e);
            }
            double[] x = sol.getPoint();
            for (int v = 0; v < 4; v++) {
                x[v] = Math.min(1, Math.max(0, x[v]));
            }
            double fun = 0;
            for (int v = 0; v < 4; v++) {
                fun += c[v] * x[v];
            }
            Map<String, Object> groupsInfo = new LinkedHashMap<>();
            for (int g = 0; g < 2; g++) {
                long[] cnt = k[g];
                long n = cnt[0] + cnt[1] + cnt[2] + cnt[3];
                long fav = cnt[0] + cnt[1];
                long unfav = n - fav;
                double p2p = x[2 * g];
                double n2p = x[2 * g + 1];
                Map<String, Object> gi = new LinkedHashMap<>();
                gi.put("count", n);
                Map<String, Object> input = new LinkedHashMap<>();
                input.put("base_rate", (double) (cnt[0] + cnt[3]) / n);
                input.put("selection_rate", (double) fav / n);
                input.put("true_positive_rate", r[g][0]);
                input.put("false_positive_rate", r[g][2]);
                input.put("true_negative_rate", r[g][3]);
                input.put("false_negative_rate", r[g][1]);
                gi.put("input", input);
                long toFav = (long) (unfav * n2p);
                long toUnfav = (long) (fav * (1 - p2p));
                Map<String, Object> predict = new LinkedHashMap<>();
                predict.put("num_flipped_to_favorable", toFav);
                predict.put("num_flipped_to_unfavorable", toUnfav);
                predict.put("num_favorable", fav - toUnfav + toFav);
                gi.put("predict", predict);
                groupsInfo.put(d.groups.get(g), gi);
            }
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("privileged", split.privilegedList());
            params.put("favorable", favorable);
            params.put("prediction_threshold", PREDICTION_THRESHOLD);
            return new EqOddsPostprocessing(split, x, c, aEq, fun, Collections.unmodifiableMap(groupsInfo),
                    Provenance.of("EqOddsPostprocessing", params, null, d.fingerprint()));
        }
    }

    /** @return the privileged value(s) */
    public Collection<String> privileged() {
        return split.privilegedList();
    }
}
