package dev.candor.fairness.performance;

import dev.candor.fairness.GroupAttribute;
import dev.candor.fairness.MetricValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Performance metrics overall and per group of one attribute, with fairlearn's aggregates: the Candor
 * form of fairlearn's {@code MetricFrame} for {@link ClassificationMetric}s or {@link RegressionMetric}s.
 *
 * <pre>{@code
 * RegressionSample s = RegressionSample.of(hours, predicted, null);
 * PerformanceFrame<RegressionSample> f = PerformanceFrame.of(s, GroupAttribute.of("sex", sex),
 *         RegressionMetric.available(s));
 * f.overall(RegressionMetric.MEAN_ABSOLUTE_ERROR);
 * f.group("Female", RegressionMetric.MEAN_ABSOLUTE_ERROR);
 * f.aggregate(Aggregate.DIFFERENCE_BETWEEN_GROUPS, RegressionMetric.MEAN_ABSOLUTE_ERROR);
 * }</pre>
 *
 * <p>Each value is the metric computed on the rows of that group (as fairlearn calls the sklearn
 * function per group), so every group value equals a direct call on those rows. The attribute may be
 * binary, multi-valued or an intersection ({@link GroupAttribute#intersection}). Undefined group
 * values are NaN with a reason; aggregates skip them and {@link #skipped} names the groups left out.
 * Immutable.
 *
 * @param <S> the sample kind
 * @since 0.1.0
 */
public final class PerformanceFrame<S extends PerformanceSample<S>> {

    private final String attribute;
    private final List<String> groups;
    private final List<PerformanceMetric<S>> metrics;
    private final boolean weighted;
    private final long[] counts;
    private final double[] sumOfWeights;
    private final MetricValue[] overall;
    private final MetricValue[][] byGroup;
    private final long rows;
    private final double totalWeight;

    private PerformanceFrame(String attribute, List<String> groups, List<PerformanceMetric<S>> metrics,
                             boolean weighted, long[] counts, double[] sumOfWeights, MetricValue[] overall,
                             MetricValue[][] byGroup, long rows, double totalWeight) {
        this.attribute = attribute;
        this.groups = groups;
        this.metrics = metrics;
        this.weighted = weighted;
        this.counts = counts;
        this.sumOfWeights = sumOfWeights;
        this.overall = overall;
        this.byGroup = byGroup;
        this.rows = rows;
        this.totalWeight = totalWeight;
    }

    /**
     * A frame from values computed elsewhere, for example from per-group counts merged by a
     * distributed engine; the aggregates ({@link #aggregate}, {@link #derived}) are computed from them
     * exactly as for a frame built from rows.
     *
     * @param attribute    the attribute's name
     * @param groups       the group names, in order
     * @param metrics      the metrics, in the order to report them
     * @param weighted     whether the rows carried weights
     * @param counts       rows per group
     * @param sumOfWeights total weight per group
     * @param overall      each metric over all rows, in metric order
     * @param byGroup      each group's values, in group then metric order
     * @param <S>          the sample kind
     * @return the frame
     * @throws IllegalArgumentException if the lengths disagree
     */
    public static <S extends PerformanceSample<S>> PerformanceFrame<S> ofValues(
            String attribute, List<String> groups, List<? extends PerformanceMetric<S>> metrics, boolean weighted,
            long[] counts, double[] sumOfWeights, MetricValue[] overall, MetricValue[][] byGroup) {
        int k = groups.size();
        int m = metrics.size();
        if (counts.length != k || sumOfWeights.length != k || byGroup.length != k || overall.length != m) {
            throw new IllegalArgumentException("attribute '" + attribute + "': " + k + " groups and " + m
                    + " metrics, but " + counts.length + " counts, " + sumOfWeights.length + " weight sums, "
                    + byGroup.length + " group rows and " + overall.length + " overall values");
        }
        MetricValue[][] rows = new MetricValue[k][];
        long n = 0;
        double total = 0;
        for (int g = 0; g < k; g++) {
            if (byGroup[g].length != m) {
                throw new IllegalArgumentException("attribute '" + attribute + "', group '" + groups.get(g) + "': "
                        + byGroup[g].length + " values for " + m + " metrics");
            }
            rows[g] = byGroup[g].clone();
            n += counts[g];
            total += sumOfWeights[g];
        }
        return new PerformanceFrame<>(attribute, List.copyOf(groups), List.copyOf(metrics), weighted, counts.clone(),
                sumOfWeights.clone(), overall.clone(), rows, n, total);
    }

    /**
     * @param sample    the rows
     * @param attribute the groups, one code per row
     * @param metrics   the metrics, in the order to report them
     * @param <S>       the sample kind
     * @return the frame, with undefined values where a metric has none
     */
    public static <S extends PerformanceSample<S>> PerformanceFrame<S> of(
            S sample, GroupAttribute attribute, List<? extends PerformanceMetric<S>> metrics) {
        return of(sample, attribute, metrics, ZeroDivision.UNDEFINED);
    }

    /**
     * @param sample    the rows
     * @param attribute the groups, one code per row
     * @param metrics   the metrics, in the order to report them
     * @param edges     what an undefined value becomes ({@link ZeroDivision#UNDEFINED}: NaN with a reason)
     * @param <S>       the sample kind
     * @return the frame
     * @throws IllegalArgumentException if the attribute has another row count or a code out of range,
     *                                  or a metric refuses the data (naming column and row)
     */
    public static <S extends PerformanceSample<S>> PerformanceFrame<S> of(
            S sample, GroupAttribute attribute, List<? extends PerformanceMetric<S>> metrics, ZeroDivision edges) {
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(edges, "edges");
        List<PerformanceMetric<S>> ms = List.copyOf(metrics);
        int n = sample.rows();
        int[] codes = attribute.codes();
        if (codes.length != n) {
            throw new IllegalArgumentException("attribute '" + attribute.name() + "' has " + codes.length
                    + " rows but the predictions have " + n);
        }
        int k = attribute.size();
        int[] size = new int[k];
        for (int i = 0; i < n; i++) {
            int g = codes[i];
            if (g < 0 || g >= k) {
                throw new IllegalArgumentException("attribute '" + attribute.name() + "': row " + i
                        + " has group code " + g + "; codes must be in [0, " + k + ")");
            }
            size[g]++;
        }
        int[][] members = new int[k][];
        for (int g = 0; g < k; g++) {
            members[g] = new int[size[g]];
        }
        int[] fill = new int[k];
        for (int i = 0; i < n; i++) {
            members[codes[i]][fill[codes[i]]++] = i;
        }
        MetricValue[] overall = new MetricValue[ms.size()];
        for (int m = 0; m < ms.size(); m++) {
            overall[m] = ms.get(m).compute(sample, edges);
        }
        long[] counts = new long[k];
        double[] sums = new double[k];
        MetricValue[][] byGroup = new MetricValue[k][ms.size()];
        for (int g = 0; g < k; g++) {
            S part = sample.subset(members[g]);
            counts[g] = part.rows();
            sums[g] = part.totalWeight();
            for (int m = 0; m < ms.size(); m++) {
                byGroup[g][m] = ms.get(m).compute(part, edges);
            }
        }
        return new PerformanceFrame<>(attribute.name(), attribute.values(), ms, sample.weighted(), counts, sums,
                overall, byGroup, n, sample.totalWeight());
    }

    /** @return the attribute's name */
    public String attribute() {
        return attribute;
    }

    /** @return the group values, in the attribute's order */
    public List<String> groups() {
        return groups;
    }

    /** @return the metrics, in report order */
    public List<PerformanceMetric<S>> metrics() {
        return metrics;
    }

    /** @return true when the values are weighted */
    public boolean weighted() {
        return weighted;
    }

    /** @return the number of rows */
    public long rows() {
        return rows;
    }

    /** @return the total weight (the row count without weights) */
    public double totalWeight() {
        return totalWeight;
    }

    /**
     * @param metric one of {@link #metrics()}
     * @return its value on all rows
     */
    public MetricValue overall(PerformanceMetric<S> metric) {
        return overall[index(metric)];
    }

    /**
     * @param group  one of {@link #groups()}
     * @param metric one of {@link #metrics()}
     * @return its value on that group's rows
     */
    public MetricValue group(String group, PerformanceMetric<S> metric) {
        return byGroup[groupIndex(group)][index(metric)];
    }

    /**
     * @param group one of {@link #groups()}
     * @return the group's rows (fairlearn's {@code count}, never weighted)
     */
    public long count(String group) {
        return counts[groupIndex(group)];
    }

    /**
     * @param group one of {@link #groups()}
     * @return the group's total weight
     */
    public double sumOfWeights(String group) {
        return sumOfWeights[groupIndex(group)];
    }

    /**
     * @param aggregate the aggregate
     * @param metric    one of {@link #metrics()}
     * @return the aggregate over the defined group values
     */
    public MetricValue aggregate(Aggregate aggregate, PerformanceMetric<S> metric) {
        int m = index(metric);
        MetricValue[] column = new MetricValue[groups.size()];
        for (int g = 0; g < column.length; g++) {
            column[g] = byGroup[g][m];
        }
        return aggregate.of(column, overall[m]);
    }

    /**
     * @param metric one of {@link #metrics()}
     * @return the groups whose value is undefined and that the aggregates therefore leave out
     */
    public List<String> skipped(PerformanceMetric<S> metric) {
        int m = index(metric);
        List<String> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            if (!byGroup[g][m].isDefined()) {
                out.add(groups.get(g));
            }
        }
        return out;
    }

    /**
     * Every aggregate of every metric under fairlearn's generated name, e.g.
     * {@code mean_absolute_error_difference}, {@code accuracy_ratio}, {@code r2_group_min}: the keys a
     * policy rule may bound.
     *
     * @return derived name to value, metrics in report order, aggregates in declaration order
     */
    public Map<String, MetricValue> derived() {
        Map<String, MetricValue> out = new LinkedHashMap<>();
        for (PerformanceMetric<S> metric : metrics) {
            for (Aggregate a : Aggregate.values()) {
                out.put(a.derivedName(metric), aggregate(a, metric));
            }
        }
        return out;
    }

    private int index(PerformanceMetric<S> metric) {
        int m = metrics.indexOf(metric);
        if (m < 0) {
            throw new IllegalArgumentException("metric '" + metric.key() + "' is not in this frame; it holds "
                    + metrics.stream().map(PerformanceMetric::key).toList());
        }
        return m;
    }

    private int groupIndex(String group) {
        int g = groups.indexOf(group);
        if (g < 0) {
            throw new IllegalArgumentException("attribute '" + attribute + "' has no group '" + group
                    + "'; groups are " + groups);
        }
        return g;
    }

    /**
     * This frame with the row counts and weight sums of the original rows, for a frame computed over
     * a compressed sample (one row per distinct tuple, weighted by the number or weight of the rows
     * it stands for): the metrics are those of the original rows, but the compressed sample cannot
     * know how many rows there were or whether they carried instance weights.
     *
     * @param weightedRows  whether the original rows carried instance weights
     * @param rowCount      the number of original rows
     * @param groupCounts   the original rows of each group, in group order
     * @param groupWeights  the summed weights of each group
     * @param allWeight     the summed weight of all rows
     * @return the frame with those counts
     * @throws IllegalArgumentException if the arrays do not have one entry per group
     */
    public PerformanceFrame<S> withRows(boolean weightedRows, long rowCount, long[] groupCounts, double[] groupWeights,
                                        double allWeight) {
        if (groupCounts.length != groups.size() || groupWeights.length != groups.size()) {
            throw new IllegalArgumentException("one count and one weight per group expected for '" + attribute
                    + "', " + groups.size() + " groups");
        }
        return new PerformanceFrame<>(attribute, groups, metrics, weightedRows, groupCounts.clone(),
                groupWeights.clone(), overall, byGroup, rowCount, allWeight);
    }
}
