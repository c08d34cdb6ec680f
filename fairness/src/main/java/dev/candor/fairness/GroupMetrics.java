package dev.candor.fairness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Disaggregated metrics and group fairness measures of one attribute, in the spirit of fairlearn's
 * {@code MetricFrame}: every {@link Rate} overall and by group, and every aggregate across groups,
 * each naming the pair of groups behind it.
 *
 * <p>Immutable; computed on demand from the {@link GroupCounts} (O(groups) per metric). Create one
 * with {@link #of(GroupCounts)} and derive variants with {@link #withPrivileged(String)} and
 * {@link #withStrict(boolean)}.
 *
 * <p><b>Privileged form</b> (AIF360 {@code ClassificationMetric}, needs a privileged group): the
 * unprivileged groups are pooled into one (their counts added), and
 * {@code difference = r_unprivileged − r_privileged}, {@code ratio = r_unprivileged / r_privileged}.
 *
 * <p><b>Between groups</b> (fairlearn): difference = max − min and ratio = min / max over every
 * group with a defined rate. <b>To overall</b> (fairlearn): the group farthest from the whole.
 *
 * <p><b>Named metrics</b> ({@link #metric(String)}, {@link #metrics()}) are the constants of the
 * {@link FairnessMetric} registry, which gives each one's formula, form, kind and band.
 *
 * <p><b>Edge cases</b>: an undefined group rate (empty group, zero denominator) is skipped by
 * between-groups aggregates and disclosed in {@link Comparison#skipped()}; fewer than two defined
 * groups give {@link UndefinedReason#SINGLE_GROUP}; a zero denominator of a ratio gives
 * {@link UndefinedReason#ZERO_REFERENCE_RATE}; privileged forms without a privileged group give
 * {@link UndefinedReason#NO_PRIVILEGED_GROUP}, and with no unprivileged rows
 * {@link UndefinedReason#EMPTY_GROUP}. In strict mode every undefined result throws
 * {@link UndefinedMetricException} instead.
 *
 * <p>References: Bellamy et al., "AI Fairness 360", IBM J. Res. Dev. 63(4/5) 2019,
 * doi:10.1147/JRD.2019.2942287; Weerts et al., "Fairlearn: Assessing and Improving Fairness of AI
 * Systems", JMLR 24(257) 2023; Hardt, Price, Srebro, "Equality of Opportunity in Supervised
 * Learning", NeurIPS 2016 (equalized odds); Feldman et al., KDD 2015, doi:10.1145/2783258.2783311
 * (disparate impact).
 *
 * @since 0.1.0
 */
public final class GroupMetrics {

    /** The name used as {@link Comparison#reference()} for to-overall comparisons. */
    public static final String OVERALL = "overall";

    private final GroupCounts counts;
    private final String privileged;
    private final boolean strict;
    private final double alpha;
    private final GroupComparisons comparisons;

    private GroupMetrics(GroupCounts counts, String privileged, boolean strict, double alpha) {
        this.counts = Objects.requireNonNull(counts, "counts");
        if (privileged != null) {
            counts.indexOf(privileged);
        }
        this.privileged = privileged;
        this.strict = strict;
        this.alpha = alpha;
        this.comparisons = new GroupComparisons(counts, privileged, alpha);
    }

    /**
     * @param counts the per-group counts of one attribute
     * @return the metrics, with no privileged group and strict mode off
     */
    public static GroupMetrics of(GroupCounts counts) {
        return new GroupMetrics(counts, null, false, 2.0);
    }

    /**
     * @param group the privileged group's name, or null for none
     * @return a copy using that privileged group
     * @throws IllegalArgumentException if the attribute has no such group
     */
    public GroupMetrics withPrivileged(String group) {
        return new GroupMetrics(counts, group, strict, alpha);
    }

    /**
     * @param strictMode when true, every undefined result throws {@link UndefinedMetricException}
     * @return a copy with that mode
     */
    public GroupMetrics withStrict(boolean strictMode) {
        return new GroupMetrics(counts, privileged, strictMode, alpha);
    }

    /**
     * @param geAlpha the alpha of {@code between_group_generalized_entropy_index} (default 2, as AIF360)
     * @return a copy with that alpha
     */
    public GroupMetrics withAlpha(double geAlpha) {
        return new GroupMetrics(counts, privileged, strict, geAlpha);
    }

    /** @return the counts */
    public GroupCounts counts() {
        return counts;
    }

    /** @return the attribute's name */
    public String attribute() {
        return counts.attribute();
    }

    /** @return the privileged group, if one was named */
    public Optional<String> privileged() {
        return Optional.ofNullable(privileged);
    }

    /** @return true in strict mode */
    public boolean isStrict() {
        return strict;
    }

    /** @return the unprivileged groups (every group but the privileged one), empty without a privileged group */
    public List<String> unprivileged() {
        return comparisons.unprivileged();
    }

    /**
     * @param rate the rate
     * @return its value over all rows
     */
    public MetricValue overall(Rate rate) {
        return check(rate.of(counts.overall()), rate.key() + " overall");
    }

    /**
     * @param group a group's name
     * @param rate  the rate
     * @return its value in that group
     */
    public MetricValue rate(String group, Rate rate) {
        return check(rate.of(counts.counts(group)), rate.key() + " of " + attribute() + "=" + group);
    }

    /**
     * @param rate the rate
     * @return its value in every group, in group order (never throws in strict mode; undefined values carry their reason)
     */
    public Map<String, MetricValue> byGroup(Rate rate) {
        Map<String, MetricValue> m = new LinkedHashMap<>();
        for (int g = 0; g < counts.size(); g++) {
            m.put(counts.groups().get(g), rate.of(counts.counts(g)));
        }
        return Collections.unmodifiableMap(m);
    }

    /** @return the counts of the privileged group; empty counts without one */
    public ConfusionCounts privilegedCounts() {
        return comparisons.privilegedCounts();
    }

    /** @return the pooled counts of the unprivileged groups; empty counts without a privileged group */
    public ConfusionCounts unprivilegedCounts() {
        return comparisons.unprivilegedCounts();
    }

    /**
     * The difference of a rate across groups.
     *
     * @param rate   the rate
     * @param method how groups are compared
     * @return the difference with the pair behind it
     */
    public Comparison difference(Rate rate, ComparisonMethod method) {
        Comparison c = comparisons.compare(rate, method, false);
        return check(c, rate.key() + " difference (" + method + ") of " + attribute());
    }

    /**
     * The ratio of a rate across groups.
     *
     * @param rate   the rate
     * @param method how groups are compared
     * @return the ratio with the pair behind it
     */
    public Comparison ratio(Rate rate, ComparisonMethod method) {
        Comparison c = comparisons.compare(rate, method, true);
        return check(c, rate.key() + " ratio (" + method + ") of " + attribute());
    }

    /**
     * A named metric, as in the JSON {@code metrics} block.
     *
     * @param key the metric's key, one of {@link FairnessMetric#keys()}
     * @return its value with the pair behind it
     * @throws IllegalArgumentException for an unknown key (the message lists the valid ones)
     */
    public Comparison metric(String key) {
        return metric(FairnessMetric.fromKey(key));
    }

    /**
     * @param metric a fairness metric
     * @return its value with the pair behind it (undefined with {@link UndefinedReason#NO_PRIVILEGED_GROUP}
     *         for a privileged-form metric when no privileged group is named)
     */
    public Comparison metric(FairnessMetric metric) {
        return check(metric.compute(comparisons), metric.key() + " of " + attribute());
    }

    /**
     * Every registered metric that applies, in {@link FairnessMetric} order: the privileged forms
     * only when a privileged group is named.
     *
     * @return the metrics by key, in a stable order (never throws in strict mode)
     */
    public Map<String, Comparison> metrics() {
        Map<String, Comparison> m = new LinkedHashMap<>();
        for (FairnessMetric f : FairnessMetric.values()) {
            if (privileged != null || !f.needsPrivileged()) {
                m.put(f.key(), f.compute(comparisons));
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * AIF360 {@code BinaryLabelDatasetMetric} on the true labels: the {@link FairnessMetric#LABEL_METRICS}
     * (statistical parity difference and disparate impact) of the base rates. Empty without a
     * privileged group.
     *
     * @return the label metrics by key
     */
    public Map<String, Comparison> labelMetrics() {
        if (privileged == null) {
            return Map.of();
        }
        Map<String, Comparison> m = new LinkedHashMap<>();
        for (FairnessMetric f : FairnessMetric.LABEL_METRICS) {
            m.put(f.key(), f.computeOn(comparisons, Rate.BASE_RATE));
        }
        return Collections.unmodifiableMap(m);
    }

    private MetricValue check(MetricValue v, String what) {
        if (strict && !v.isDefined()) {
            throw new UndefinedMetricException(what, v.reason());
        }
        return v;
    }

    private Comparison check(Comparison c, String what) {
        if (strict && !c.isDefined()) {
            throw new UndefinedMetricException(what, c.reason());
        }
        return c;
    }
}
