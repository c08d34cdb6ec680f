package dev.candor.fairness.mitigation;

import dev.candor.core.BadInputException;
import dev.candor.core.Provenance;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reject option classification (Kamiran, Karim and Zhang 2012), computed as AIF360's
 * {@code RejectOptionClassification} (v0.6.1): rows whose score lies in a band around the
 * classification threshold — the critical region, where the model is least sure — get the favorable
 * decision if unprivileged and the unfavorable one if privileged; every other row is favorable iff
 * {@code score > threshold}.
 *
 * <h2>Fit</h2>
 * A grid search, threshold-major: thresholds t_i = numpy {@code linspace(low, high, numThresholds)}
 * (i·step + low, the last value exactly {@code high}); for each, margins m_j =
 * {@code linspace(0, h, numMargins)} with h = t if t ≤ 0.5 else 1 − t. The critical region is
 * t − m &lt; s ≤ t + m. At each point it computes the balanced accuracy ½(TP/P + TN/N) over all rows and
 * the bounded fairness metric (unprivileged minus privileged); among the points within
 * [lower, upper] it takes the first with the largest balanced accuracy. If none is within the bounds it
 * takes, as AIF360 does, the first point with the smallest metric value, and {@link #feasible()} is false.
 * Everything is deterministic: decisions are 0 or 1.
 *
 * <h2>Edge cases</h2>
 * Scores outside [0, 1], no privileged or no unprivileged row, a group with only one label value, and
 * when applying a group value not seen when fitting: {@link BadInputException} naming the group.
 *
 * <p>Reference: F. Kamiran, A. Karim, X. Zhang, "Decision Theory for Discrimination-Aware
 * Classification", ICDM 2012, doi:10.1109/ICDM.2012.45; AIF360
 * {@code aif360.algorithms.postprocessing.RejectOptionClassification}.
 *
 * @since 0.1.0
 */
public final class RejectOptionClassification implements PostProcessor {

    private final PrivilegedSplit split;
    private final RejectOptionMetric metric;
    private final double lower;
    private final double upper;
    private final double threshold;
    private final double margin;
    private final int thresholdIndex;
    private final int marginIndex;
    private final double balancedAccuracy;
    private final double fairMetric;
    private final int feasibleCount;
    private final Provenance provenance;

    private RejectOptionClassification(PrivilegedSplit split, RejectOptionMetric metric, double lower, double upper,
                                       double threshold, double margin, int thresholdIndex, int marginIndex,
                                       double balancedAccuracy, double fairMetric, int feasibleCount,
                                       Provenance provenance) {
        this.split = split;
        this.metric = metric;
        this.lower = lower;
        this.upper = upper;
        this.threshold = threshold;
        this.margin = margin;
        this.thresholdIndex = thresholdIndex;
        this.marginIndex = marginIndex;
        this.balancedAccuracy = balancedAccuracy;
        this.fairMetric = fairMetric;
        this.feasibleCount = feasibleCount;
        this.provenance = provenance;
    }

    /** @return a builder with AIF360's defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the chosen classification threshold t ({@code classification_threshold}) */
    public double classificationThreshold() {
        return threshold;
    }

    /** @return the chosen margin m ({@code ROC_margin}) */
    public double rocMargin() {
        return margin;
    }

    /** @return the 0-based position of t in the threshold grid */
    public int thresholdIndex() {
        return thresholdIndex;
    }

    /** @return the 0-based position of m in its margin grid */
    public int marginIndex() {
        return marginIndex;
    }

    /** @return the balanced accuracy on the fitting data at (t, m) */
    public double balancedAccuracy() {
        return balancedAccuracy;
    }

    /** @return the bounded metric on the fitting data at (t, m) */
    public double fairMetric() {
        return fairMetric;
    }

    /** @return whether some grid point met the bound */
    public boolean feasible() {
        return feasibleCount > 0;
    }

    /** @return how many grid points met the bound */
    public int feasibleCount() {
        return feasibleCount;
    }

    /**
     * The post-processed decisions.
     *
     * @param scores the scores, in [0, 1]
     * @param groups each row's group value, seen when fitting
     * @return 1 (favorable) or 0 per row
     * @throws BadInputException on bad scores or an unseen group
     */
    public int[] labels(double[] scores, String[] groups) {
        ThresholdOptimizer.requireSameLength(scores, groups);
        CalibrationData.checkScores(scores, true);
        String[] pooled = split.pool(groups);
        int[] out = new int[scores.length];
        double hi = threshold + margin;
        double lo = threshold - margin;
        for (int i = 0; i < out.length; i++) {
            out[i] = label(scores[i], PrivilegedSplit.PRIVILEGED.equals(pooled[i]), threshold, lo, hi) ? 1 : 0;
        }
        return out;
    }

    static boolean label(double s, boolean privileged, double t, double lo, double hi) {
        if (s > lo && s <= hi) {
            return !privileged;
        }
        return s > t;
    }

    @Override
    public double[] favorableProbability(double[] scores, String[] groups) {
        return Arrays.stream(labels(scores, groups)).asDoubleStream().toArray();
    }

    @Override
    public String method() {
        return "reject_option";
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method());
        m.put("privileged", split.privilegedList());
        m.put("metric_name", metric.aifName());
        m.put("metric_lb", lower);
        m.put("metric_ub", upper);
        m.put("classification_threshold", threshold);
        m.put("ROC_margin", margin);
        m.put("threshold_index", thresholdIndex);
        m.put("margin_index", marginIndex);
        m.put("balanced_accuracy", balancedAccuracy);
        m.put("fair_metric", fairMetric);
        m.put("feasible", feasible());
        m.put("feasible_count", feasibleCount);
        return Collections.unmodifiableMap(m);
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public String toString() {
        return "RejectOptionClassification(threshold=" + threshold + ", margin=" + margin + ", balanced accuracy="
                + balancedAccuracy + ", " + metric.aifName() + "=" + fairMetric + ")";
    }

    /** Options of a reject option classification; {@link #fit} searches the grid. */
    public static final class Builder {
        private double low = 0.01;
        private double high = 0.99;
        private int numThresholds = 100;
        private int numMargins = 50;
        private RejectOptionMetric metric = RejectOptionMetric.STATISTICAL_PARITY_DIFFERENCE;
        private double lower = -0.05;
        private double upper = 0.05;
        private int favorable = 1;
        private Collection<String> privileged = java.util.List.of();

        private Builder() {
        }

        /** @param values the privileged group value(s); all others are pooled @return this builder */
        public Builder privileged(String... values) {
            this.privileged = java.util.List.of(values);
            return this;
        }

        /** @param values the privileged group value(s) @return this builder */
        public Builder privileged(Collection<String> values) {
            this.privileged = java.util.List.copyOf(values);
            return this;
        }

        /** @param label the favorable label (default 1) @return this builder */
        public Builder favorable(int label) {
            this.favorable = label;
            return this;
        }

        /**
         * @param low  the lowest threshold (default 0.01)
         * @param high the highest threshold (default 0.99)
         * @param num  the number of thresholds (default 100)
         * @return this builder
         */
        public Builder thresholds(double low, double high, int num) {
            if (!(low > 0 && low <= high && high < 1) || num < 1) {
                throw new BadInputException("thresholds need 0 < low <= high < 1 and num >= 1, got " + low + ", "
                        + high + ", " + num);
            }
            this.low = low;
            this.high = high;
            this.numThresholds = num;
            return this;
        }

        /** @param num the number of margins per threshold (default 50) @return this builder */
        public Builder margins(int num) {
            if (num < 1) {
                throw new BadInputException("margins: need at least 1, got " + num);
            }
            this.numMargins = num;
            return this;
        }

        /**
         * @param m     the bounded metric (default statistical parity difference)
         * @param lower its lower bound (default −0.05)
         * @param upper its upper bound (default 0.05)
         * @return this builder
         */
        public Builder bound(RejectOptionMetric m, double lower, double upper) {
            this.metric = Objects.requireNonNull(m, "metric");
            if (!(lower <= upper)) {
                throw new BadInputException("bound: lower " + lower + " is above upper " + upper);
            }
            this.lower = lower;
            this.upper = upper;
            return this;
        }

        /**
         * Searches the grid.
         *
         * @param scores P(favorable) of each row, in [0, 1]
         * @param labels the true labels
         * @param groups each row's group value
         * @return the fitted classifier
         * @throws BadInputException on bad input, see {@link RejectOptionClassification}
         */
        public RejectOptionClassification fit(double[] scores, int[] labels, String[] groups) {
            Objects.requireNonNull(groups, "groups");
            PrivilegedSplit split = PrivilegedSplit.fit(groups, privileged);
            CalibrationData d = CalibrationData.of(scores, labels, favorable, split.pool(groups), true);
            d.requireBothLabels("reject option classification", split::display);
            boolean[] priv = new boolean[d.rows()];
            for (int i = 0; i < priv.length; i++) {
                priv[i] = d.codes[i] == 0;
            }
            double step = (high - low) / (numThresholds - 1);
            double bestBa = Double.NEGATIVE_INFINITY;
            int bestI = -1;
            int bestJ = -1;
            double bestMetric = Double.NaN;
            double minMetric = Double.POSITIVE_INFINITY;
            int minI = -1;
            int minJ = -1;
            double minBa = Double.NaN;
            int feasible = 0;
            for (int i = 0; i < numThresholds; i++) {
                double t = grid(i, numThresholds, step, low, high);
                double h = t <= 0.5 ? t : 1.0 - t;
                double mStep = h / (numMargins - 1);
                for (int j = 0; j < numMargins; j++) {
                    double m = grid(j, numMargins, mStep, 0.0, h);
                    long[] c = new long[4];
                    long[] u = new long[4];
                    double hi = t + m;
                    double lo = t - m;
                    for (int r = 0; r < priv.length; r++) {
                        boolean fav = label(d.scores[r], priv[r], t, lo, hi);
                        long[] k = priv[r] ? c : u;
                        k[d.positive[r] ? (fav ? 0 : 3) : (fav ? 1 : 2)]++;
                    }
                    double pos = c[0] + c[3] + u[0] + u[3];
                    double neg = c[1] + c[2] + u[1] + u[2];
                    double ba = 0.5 * ((c[0] + u[0]) / pos + (c[2] + u[2]) / neg);
                    double fm = metric.of(c, u);
                    if (fm >= lower && fm <= upper) {
                        feasible++;
                        if (ba > bestBa) {
                            bestBa = ba;
                            bestI = i;
                            bestJ = j;
                            bestMetric = fm;
                        }
                    }
                    if (fm < minMetric) {
                        minMetric = fm;
                        minI = i;
                        minJ = j;
                        minBa = ba;
                    }
                }
            }
            if (feasible == 0) {
                bestI = minI;
                bestJ = minJ;
                bestBa = minBa;
                bestMetric = minMetric;
            }
            double t = grid(bestI, numThresholds, step, low, high);
            double h = t <= 0.5 ? t : 1.0 - t;
            double m = grid(bestJ, numMargins, h / (numMargins - 1), 0.0, h);
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("privileged", split.privilegedList());
            params.put("favorable", favorable);
            params.put("low_class_thresh", low);
            params.put("high_class_thresh", high);
            params.put("num_class_thresh", numThresholds);
            params.put("num_ROC_margin", numMargins);
            params.put("metric_name", metric.aifName());
            params.put("metric_lb", lower);
            params.put("metric_ub", upper);
            return new RejectOptionClassification(split, metric, lower, upper, t, m, bestI, bestJ, bestBa, bestMetric,
                    feasible, Provenance.of("RejectOptionClassification", params, null, d.fingerprint()));
        }

        /** numpy's linspace: k·step + start, the last value exactly the end (a single value is the start). */
        private static double grid(int k, int num, double step, double start, double end) {
            if (num == 1) {
                return start;
            }
            return k == num - 1 ? end : k * step + start;
        }
    }
}
