package dev.candor.fairness.performance;

import dev.candor.fairness.Bootstrap;
import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.BootstrapSample;
import dev.candor.fairness.ConfusionCounts;
import dev.candor.fairness.GroupAttribute;
import dev.candor.fairness.GroupCounts;
import dev.candor.fairness.MetricValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeded bootstrap intervals of the label metrics of a {@link PerformanceFrame}: overall, per group
 * and for every {@link Aggregate}, from the existing {@link Bootstrap}.
 *
 * <p>Label metrics are functions of the per-group confusion counts, so a resample is an exact
 * multinomial draw over the (group, label, prediction[, weight]) cells ({@link BootstrapSample}):
 * 1,000 resamples of 10⁶ rows cost milliseconds, and the same seed gives the same intervals on any
 * number of threads. Resamples where a value is undefined are left out and counted in
 * {@link BootstrapResult#undefinedResamples()}.
 *
 * <p>Score metrics (ROC AUC, average precision, log loss, Brier score) and regression metrics need
 * the rows themselves: {@link #rowMetrics} resamples rows ({@link Bootstrap#runRows}) and recomputes
 * the whole frame on each resample, so resample b's group value is the metric on the group's rows
 * drawn in resample b, exactly as a direct call on those rows would give. A group with fewer than two
 * rows has no sampling distribution to speak of: every resample is counted undefined and its
 * intervals are NaN ({@link #SINGLE_ROW}); aggregates that need two groups are NaN in a resample
 * where a group is absent, and that resample is left out.
 *
 * <p>Interval names are generated, never parsed: {@link #overallName}, {@link #groupName},
 * {@link #aggregateName}.
 *
 * @since 0.1.0
 */
public final class PerformanceIntervals {

    private PerformanceIntervals() {
    }

    /**
     * @param metric a metric
     * @return the name of its overall interval, e.g. {@code overall.accuracy}
     */
    public static String overallName(PerformanceMetric<?> metric) {
        return "overall." + metric.key();
    }

    /**
     * @param group  a group value
     * @param metric a metric
     * @return the name of its group interval, e.g. {@code groups.female.accuracy}
     */
    public static String groupName(String group, PerformanceMetric<?> metric) {
        return "groups." + group + "." + metric.key();
    }

    /**
     * @param aggregate an aggregate
     * @param metric    a metric
     * @return the name of the aggregate's interval, e.g. {@code difference_between_groups.accuracy}
     */
    public static String aggregateName(Aggregate aggregate, PerformanceMetric<?> metric) {
        return aggregate.key() + "." + metric.key();
    }

    /**
     * @param bootstrap the resampling settings (seed, resamples, level)
     * @param yTrue     true labels, 0/1
     * @param yPred     predicted labels, 0/1
     * @param weights   instance weights or null
     * @param attribute the groups
     * @param metrics   label metrics (score metrics are refused)
     * @return the percentile intervals under the generated names
     * @throws IllegalArgumentException if a metric reads scores
     */
    public static BootstrapResult labelMetrics(Bootstrap bootstrap, int[] yTrue, int[] yPred, double[] weights,
                                               GroupAttribute attribute, List<ClassificationMetric> metrics) {
        for (ClassificationMetric m : metrics) {
            if (m.needsScores()) {
                throw new IllegalArgumentException(m.key() + " reads scores; bootstrap intervals here are for "
                        + "label metrics only");
            }
        }
        List<String> names = new ArrayList<>();
        for (ClassificationMetric m : metrics) {
            names.add(overallName(m));
            for (String g : attribute.values()) {
                names.add(groupName(g, m));
            }
            for (Aggregate a : Aggregate.values()) {
                names.add(aggregateName(a, m));
            }
        }
        BootstrapSample sample = BootstrapSample.of(yTrue, yPred, weights, attribute);
        return bootstrap.run(sample, names, counts -> statistics(counts, metrics));
    }

    /**
     * The regression metrics reports and {@code candor audit --task regression --ci} give intervals:
     * the error and location metrics; max error and the percentage and log errors, whose bootstrap
     * distributions say little or cost much, are reported without.
     */
    public static final List<RegressionMetric> REGRESSION_DEFAULTS = List.of(RegressionMetric.MEAN_ABSOLUTE_ERROR,
            RegressionMetric.MEAN_SQUARED_ERROR, RegressionMetric.ROOT_MEAN_SQUARED_ERROR,
            RegressionMetric.MEDIAN_ABSOLUTE_ERROR, RegressionMetric.R2, RegressionMetric.MEAN_PREDICTION,
            RegressionMetric.MEAN_TARGET);

    /** The score metrics given row-resampling intervals when scores are present. */
    public static final List<ClassificationMetric> SCORE_DEFAULTS = List.of(ClassificationMetric.ROC_AUC,
            ClassificationMetric.AVERAGE_PRECISION, ClassificationMetric.LOG_LOSS,
            ClassificationMetric.BRIER_SCORE_LOSS);

    /** Why the interval of a group with fewer than two rows is undefined. */
    public static final dev.candor.fairness.UndefinedReason SINGLE_ROW = dev.candor.fairness.UndefinedReason.TOO_FEW_ROWS;

    /**
     * Row-resampling intervals of any metrics (score, label or regression), overall, per group and for
     * every {@link Aggregate}, under the names of {@link #overallName}, {@link #groupName} and
     * {@link #aggregateName}.
     *
     * @param bootstrap the resampling settings (seed, resamples, level)
     * @param sample    the rows
     * @param attribute the groups, one code per row
     * @param metrics   the metrics
     * @param <S>       the sample kind
     * @return the intervals; a group with fewer than two rows gets NaN bounds ({@link #SINGLE_ROW})
     * @throws IllegalArgumentException if the attribute has another row count
     */
    public static <S extends PerformanceSample<S>> BootstrapResult rowMetrics(
            Bootstrap bootstrap, S sample, GroupAttribute attribute, List<? extends PerformanceMetric<S>> metrics) {
        int n = sample.rows();
        int[] codes = attribute.codes();
        if (codes.length != n) {
            throw new IllegalArgumentException("attribute '" + attribute.name() + "' has " + codes.length
                    + " rows but the predictions have " + n);
        }
        int k = attribute.size();
        long[] size = new long[k];
        for (int c : codes) {
            size[c]++;
        }
        List<String> names = new ArrayList<>();
        for (PerformanceMetric<S> m : metrics) {
            names.add(overallName(m));
            for (String g : attribute.values()) {
                names.add(groupName(g, m));
            }
            for (Aggregate a : Aggregate.values()) {
                names.add(aggregateName(a, m));
            }
        }
        List<PerformanceMetric<S>> ms = List.copyOf(metrics);
        return bootstrap.runRows(n, names, idx -> {
            int[] c = new int[idx.length];
            for (int i = 0; i < idx.length; i++) {
                c[i] = codes[idx[i]];
            }
            PerformanceFrame<S> f = PerformanceFrame.of(sample.subset(idx),
                    new GroupAttribute(attribute.name(), c, attribute.values()), ms);
            double[] out = new double[names.size()];
            int j = 0;
            for (PerformanceMetric<S> m : ms) {
                out[j++] = f.overall(m).value();
                for (int g = 0; g < k; g++) {
                    out[j++] = size[g] < 2 ? Double.NaN : f.group(attribute.values().get(g), m).value();
                }
                for (Aggregate a : Aggregate.values()) {
                    out[j++] = f.aggregate(a, m).value();
                }
            }
            return out;
        });
    }

    /**
     * The same intervals from unweighted group counts alone (they are sufficient: the resample is a
     * multinomial draw over the same cells, so the intervals equal those from the rows).
     *
     * @param bootstrap the resampling settings (seed, resamples, level)
     * @param counts    unweighted group counts
     * @param metrics   label metrics (score metrics are refused)
     * @return the percentile intervals under the generated names
     * @throws IllegalArgumentException if a metric reads scores or the counts are weighted
     */
    public static BootstrapResult labelMetrics(Bootstrap bootstrap, GroupCounts counts,
                                               List<ClassificationMetric> metrics) {
        List<String> names = new ArrayList<>();
        for (ClassificationMetric m : metrics) {
            if (m.needsScores()) {
                throw new IllegalArgumentException(m.key() + " reads scores; bootstrap intervals here are for "
                        + "label metrics only");
            }
            names.add(overallName(m));
            for (String g : counts.groups()) {
                names.add(groupName(g, m));
            }
            for (Aggregate a : Aggregate.values()) {
                names.add(aggregateName(a, m));
            }
        }
        return bootstrap.run(BootstrapSample.of(counts), names, c -> statistics(c, metrics));
    }

    private static double[] statistics(GroupCounts counts, List<ClassificationMetric> metrics) {
        int k = counts.size();
        double[] out = new double[metrics.size() * (1 + k + Aggregate.values().length)];
        int j = 0;
        for (ClassificationMetric m : metrics) {
            MetricValue overall = value(m, counts.overall());
            out[j++] = overall.value();
            MetricValue[] groups = new MetricValue[k];
            for (int g = 0; g < k; g++) {
                groups[g] = value(m, counts.counts(g));
                out[j++] = groups[g].value();
            }
            for (Aggregate a : Aggregate.values()) {
                out[j++] = a.of(groups, overall).value();
            }
        }
        return out;
    }

    private static MetricValue value(ClassificationMetric m, ConfusionCounts c) {
        return m.fromCounts(c.tp(), c.fp(), c.tn(), c.fn(), ZeroDivision.UNDEFINED);
    }
}
