package dev.candor.fairness.mitigation;

import dev.candor.core.BadInputException;
import dev.candor.core.Provenance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Randomized group-specific thresholds that maximize an objective under a parity constraint (Hardt,
 * Price and Srebro 2016), computed exactly as fairlearn's {@code ThresholdOptimizer} (v0.14.0,
 * {@code flip=False}, {@code prefit=True}) so that the learned tables agree with fairlearn's.
 *
 * <h2>Algorithm</h2>
 * <ol>
 *   <li>Per group, the upper convex hull of the (x, y) points of every threshold on the group's scores
 *       ({@link ThresholdHull}); x is the constrained rate and y the objective (for equalized odds x is
 *       the FPR and y the TPR).</li>
 *   <li>A grid x(k) = k·(1/gridSize), k = 0…gridSize − 1, and x(gridSize) = 1. At each x(k) every
 *       group's hull is interpolated linearly between its two neighbouring hull points j and j + 1:
 *       p0 = (x[j+1] − x(k)) / (x[j+1] − x[j]), y_g(k) = p0 y[j] + (1 − p0) y[j+1].</li>
 *   <li>Simple constraints: k* is the first index maximizing Σ_g (n_g/n) y_g(k) (groups in sorted
 *       order); every group gets the interpolation at x(k*), so every group's expected x rate is x(k*).
 *       For balanced accuracy this maximizes the size-weighted mean of the groups' balanced accuracies,
 *       as fairlearn does.</li>
 *   <li>Equalized odds: y_min(k) = min_g y_g(k); the objective is the accuracy (or balanced accuracy)
 *       of FPR x(k) and TPR y_min(k) on all rows, rounded to 15 decimals as fairlearn does; k* is its
 *       first maximum. Each group with y_g(k*) above y_min mixes in, with probability
 *       p_ignore = (y_g − y_min) / (y_g − x(k*)), the constant classifier that is favorable with
 *       probability x(k*), which lowers its TPR to y_min and keeps its FPR.</li>
 * </ol>
 * Decisions are randomized; {@link #favorableProbability} gives each row's probability and
 * {@link #decide} seeded draws.
 *
 * <h2>Edge cases</h2>
 * A group whose rows all have one label value is refused (its rates are undefined, the constraint
 * cannot be met); so are non-finite scores, a third label value, an objective that fairlearn refuses
 * under equalized odds, and, when applying, a group not seen when fitting. All with a
 * {@link BadInputException} that names the group or row.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <p>References: M. Hardt, E. Price, N. Srebro, "Equality of Opportunity in Supervised Learning",
 * NeurIPS 2016, arXiv:1610.02413; fairlearn {@code fairlearn.postprocessing.ThresholdOptimizer}.
 *
 * @since 0.1.0
 */
public final class ThresholdOptimizer implements PostProcessor {

    private final ThresholdConstraint constraint;
    private final ThresholdObjective objective;
    private final int gridSize;
    private final int bestIndex;
    private final double xBest;
    private final double yBest;
    private final double objectiveBest;
    private final Map<String, GroupThresholds> groups;
    private final Provenance provenance;

    private ThresholdOptimizer(ThresholdConstraint constraint, ThresholdObjective objective, int gridSize,
                               int bestIndex, double xBest, double yBest, double objectiveBest,
                               Map<String, GroupThresholds> groups, Provenance provenance) {
        this.constraint = constraint;
        this.objective = objective;
        this.gridSize = gridSize;
        this.bestIndex = bestIndex;
        this.xBest = xBest;
        this.yBest = yBest;
        this.objectiveBest = objectiveBest;
        this.groups = Collections.unmodifiableMap(groups);
        this.provenance = provenance;
    }

    /** @return a builder with fairlearn's defaults: demographic parity, accuracy, grid size 1000 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the constraint */
    public ThresholdConstraint constraint() {
        return constraint;
    }

    /** @return the objective */
    public ThresholdObjective objective() {
        return objective;
    }

    /** @return the number of grid steps */
    public int gridSize() {
        return gridSize;
    }

    /** @return k*, the chosen grid index */
    public int bestIndex() {
        return bestIndex;
    }

    /** @return x(k*), the common constrained rate */
    public double xBest() {
        return xBest;
    }

    /** @return the maximized objective (simple constraints) or the common TPR (equalized odds) */
    public double yBest() {
        return yBest;
    }

    /** @return the maximized value; for equalized odds the rounded accuracy or balanced accuracy */
    public double objectiveBest() {
        return objectiveBest;
    }

    /** @return each group's rule, by group value in sorted order */
    public Map<String, GroupThresholds> groups() {
        return groups;
    }

    /**
     * @param group a group value seen when fitting
     * @return its rule
     * @throws BadInputException if the group was not seen when fitting
     */
    public GroupThresholds group(String group) {
        GroupThresholds g = groups.get(group);
        if (g == null) {
            throw new BadInputException("group '" + group + "' was not in the data the threshold optimizer was "
                    + "fitted on (groups " + groups.keySet() + ")");
        }
        return g;
    }

    @Override
    public double[] favorableProbability(double[] scores, String[] groupOfRow) {
        requireSameLength(scores, groupOfRow);
        CalibrationData.checkScores(scores, false);
        double[] q = new double[scores.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = group(groupOfRow[i]).favorableProbability(scores[i]);
        }
        return q;
    }

    static void requireSameLength(double[] scores, String[] groups) {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(groups, "groups");
        if (scores.length != groups.length) {
            throw new BadInputException("scores and groups differ in length: " + scores.length + ", "
                    + groups.length);
        }
    }

    @Override
    public String method() {
        return "threshold_optimizer";
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method());
        m.put("constraint", constraint.key());
        m.put("objective", objective.key());
        m.put("grid_size", gridSize);
        m.put("best_index", bestIndex);
        m.put("x_best", xBest);
        m.put("y_best", yBest);
        m.put("objective_best", objectiveBest);
        Map<String, Object> g = new LinkedHashMap<>();
        groups.forEach((k, v) -> g.put(k, v.asMap()));
        m.put("groups", g);
        return Collections.unmodifiableMap(m);
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ThresholdOptimizer(").append(constraint.key()).append(", ")
                .append(objective.key()).append(", x=").append(xBest).append(')');
        for (GroupThresholds g : groups.values()) {
            sb.append("\n  ").append(g.group()).append(": p0=").append(g.p0()).append(" score>")
                    .append(g.threshold0()).append(", p1=").append(g.p1()).append(" score>").append(g.threshold1());
            if (g.equalizedOdds()) {
                sb.append(", p_ignore=").append(g.pIgnore());
            }
        }
        return sb.toString();
    }

    /** Options of a threshold optimizer; {@link #fit} learns it. */
    public static final class Builder {
        private ThresholdConstraint constraint = ThresholdConstraint.DEMOGRAPHIC_PARITY;
        private ThresholdObjective objective = ThresholdObjective.ACCURACY_SCORE;
        private int gridSize = 1000;
        private int favorable = 1;

        private Builder() {
        }

        /** @param c the parity constraint (default demographic parity) @return this builder */
        public Builder constraint(ThresholdConstraint c) {
            this.constraint = Objects.requireNonNull(c, "constraint");
            return this;
        }

        /** @param o the objective (default accuracy) @return this builder */
        public Builder objective(ThresholdObjective o) {
            this.objective = Objects.requireNonNull(o, "objective");
            return this;
        }

        /** @param n grid steps (default 1000, as fairlearn) @return this builder */
        public Builder gridSize(int n) {
            if (n < 1) {
                throw new BadInputException("gridSize must be at least 1, got " + n);
            }
            this.gridSize = n;
            return this;
        }

        /** @param label the favorable label value (default 1) @return this builder */
        public Builder favorable(int label) {
            this.favorable = label;
            return this;
        }

        /**
         * Learns the per-group rules.
         *
         * @param scores the model's scores (any finite values; higher means more likely favorable)
         * @param labels the true labels: the favorable value and one other
         * @param groups each row's protected group; every distinct value is its own group
         * @return the fitted optimizer
         * @throws BadInputException on bad input, see {@link ThresholdOptimizer}
         */
        public ThresholdOptimizer fit(double[] scores, int[] labels, String[] groups) {
            if (constraint == ThresholdConstraint.EQUALIZED_ODDS && !objective.allowedUnderEqualizedOdds()) {
                throw new BadInputException("objective " + objective.key() + " is not allowed with equalized_odds "
                        + "(fairlearn allows accuracy_score and balanced_accuracy_score)");
            }
            CalibrationData d = CalibrationData.of(scores, labels, favorable, groups, false);
            d.requireBothLabels("threshold optimization");
            return ThresholdFit.fit(d, constraint, objective, gridSize,
                    Provenance.of("ThresholdOptimizer", Map.of("constraint", constraint.key(), "objective",
                            objective.key(), "grid_size", gridSize, "favorable", favorable), null,
                            d.fingerprint()));
        }
    }

    static ThresholdOptimizer create(ThresholdConstraint constraint, ThresholdObjective objective, int gridSize,
                                     int bestIndex, double xBest, double yBest, double objectiveBest,
                                     List<GroupThresholds> rules, Provenance provenance) {
        Map<String, GroupThresholds> m = new LinkedHashMap<>();
        for (GroupThresholds r : new ArrayList<>(rules)) {
            m.put(r.group(), r);
        }
        return new ThresholdOptimizer(constraint, objective, gridSize, bestIndex, xBest, yBest, objectiveBest, m,
                provenance);
    }
}
