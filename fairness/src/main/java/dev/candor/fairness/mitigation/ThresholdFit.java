package dev.candor.fairness.mitigation;

import dev.candor.core.Provenance;
import java.util.ArrayList;
import java.util.List;

/** The grid search of {@link ThresholdOptimizer}; see there for the algorithm. */
final class ThresholdFit {

    private ThresholdFit() {
    }

    static ThresholdOptimizer fit(CalibrationData d, ThresholdConstraint constraint, ThresholdObjective objective,
                                  int gridSize, Provenance provenance) {
        int groupsCount = d.groups.size();
        boolean eo = constraint == ThresholdConstraint.EQUALIZED_ODDS;
        CurveRate yRate = eo ? CurveRate.TRUE_POSITIVE_RATE : objective.y;
        ThresholdHull[] hulls = new ThresholdHull[groupsCount];
        for (int g = 0; g < groupsCount; g++) {
            double[] s = new double[d.count[g]];
            boolean[] p = new boolean[d.count[g]];
            int m = 0;
            for (int i = 0; i < d.rows(); i++) {
                if (d.codes[i] == g) {
                    s[m] = d.scores[i];
                    p[m] = d.positive[i];
                    m++;
                }
            }
            hulls[g] = ThresholdHull.of(s, p, constraint.x, yRate);
        }
        double n = d.rows();
        double[] proportion = new double[groupsCount];
        for (int g = 0; g < groupsCount; g++) {
            proportion[g] = d.count[g] / n;
        }
        double allPos = 0;
        for (int g = 0; g < groupsCount; g++) {
            allPos += d.positives[g];
        }
        double allNeg = n - allPos;

        double step = 1.0 / gridSize;
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        double bestY = Double.NaN;
        for (int k = 0; k <= gridSize; k++) {
            double xk = x(k, gridSize, step);
            double value;
            double yk;
            if (eo) {
                double yMin = Double.POSITIVE_INFINITY;
                for (int g = 0; g < groupsCount; g++) {
                    yMin = Math.min(yMin, hulls[g].y(hulls[g].segment(k, xk), xk));
                }
                double fp = allNeg * xk;
                double tn = allNeg * (1.0 - xk);
                double tp = allPos * yMin;
                double fn = allPos * (1.0 - yMin);
                double v = objective == ThresholdObjective.ACCURACY_SCORE
                        ? (tp + tn) / (tp + tn + fp + fn)
                        : 0.5 * tp / (tp + fn) + 0.5 * tn / (tn + fp);
                value = Math.rint(v * 1e15) / 1e15;
                yk = yMin;
            } else {
                double sum = 0;
                for (int g = 0; g < groupsCount; g++) {
                    double term = proportion[g] * hulls[g].y(hulls[g].segment(k, xk), xk);
                    sum = g == 0 ? term : sum + term;
                }
                value = sum;
                yk = sum;
            }
            if (value > bestValue) {
                bestValue = value;
                best = k;
                bestY = yk;
            }
        }
        double xBest = x(best, gridSize, step);
        List<GroupThresholds> rules = new ArrayList<>(groupsCount);
        for (int g = 0; g < groupsCount; g++) {
            ThresholdHull h = hulls[g];
            int j = h.segment(best, xBest);
            double p0 = h.p0(j, xBest);
            double p1 = 1 - p0;
            double yg = h.y(j, xBest);
            double pIgnore = 0;
            if (eo && yg != xBest) {
                pIgnore = (yg - bestY) / (yg - xBest);
            }
            rules.add(new GroupThresholds(d.groups.get(g), d.count[g], proportion[g], h.x, h.y, h.threshold, j,
                    xBest, yg, p0, h.threshold[j], p1, h.threshold[j + 1], pIgnore, eo ? xBest : Double.NaN, eo));
        }
        return ThresholdOptimizer.create(constraint, objective, gridSize, best, xBest, bestY, bestValue, rules,
                provenance);
    }

    /** numpy's linspace(0, 1, gridSize + 1): k·step, with the last value exactly 1. */
    static double x(int k, int gridSize, double step) {
        return k == gridSize ? 1.0 : k * step;
    }
}
