package dev.candor.fairness;

import java.util.ArrayList;
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
 * Named metrics: {@code statistical_parity_difference} and {@code disparate_impact} (selection rate),
 * {@code equal_opportunity_difference} = {@code true_positive_rate_difference},
 * {@code average_odds_difference = ½[(FPR_u − FPR_p) + (TPR_u − TPR_p)]},
 * {@code average_abs_odds_difference = ½[|FPR_u − FPR_p| + |TPR_u − TPR_p|]}, and the
 * {@code *_difference}/{@code *_ratio} of error rate, FPR, FNR, FDR and FOR.
 *
 * <p><b>Between groups</b> (fairlearn): {@code demographic_parity_difference/ratio} (selection rate),
 * {@code equalized_odds_difference = max(ΔTPR, ΔFPR)}, {@code equalized_odds_ratio = min(TPR ratio,
 * FPR ratio)} (worst case; {@code *_mean} keys average the two), and
 * {@code fairlearn_equal_opportunity_difference/ratio} (TPR), with Δ = max − min and ratio = min / max
 * over every group. {@code gini_selection_rate = Σᵢ Σⱼ |rᵢ − rⱼ| / (2k² mean r)} over the k group
 * selection rates (unweighted over groups) and
 * {@code max_min_contrast_selection_rate = (max r − min r)/(max r + min r)}.
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

    /** Named metrics of the privileged form, in JSON order. */
    public static final List<String> PRIVILEGED_METRICS = List.of(
            "statistical_parity_difference", "disparate_impact", "equal_opportunity_difference",
            "average_odds_difference", "average_abs_odds_difference", "error_rate_difference", "error_rate_ratio",
            "false_positive_rate_difference", "false_positive_rate_ratio", "false_negative_rate_difference",
            "false_negative_rate_ratio", "false_discovery_rate_difference", "false_discovery_rate_ratio",
            "false_omission_rate_difference", "false_omission_rate_ratio", "true_positive_rate_difference",
            "true_positive_rate_ratio");

    /** Between-group inequality indices (privileged vs pooled unprivileged, or every group without a privileged one). */
    public static final List<String> BETWEEN_GROUP_INDICES = List.of(
            "between_group_theil_index", "between_group_generalized_entropy_index",
            "between_group_coefficient_of_variation");

    /** Named metrics over all groups (fairlearn's between-groups forms and spreads of the selection rate). */
    public static final List<String> BETWEEN_GROUPS_METRICS = List.of(
            "demographic_parity_difference", "demographic_parity_ratio", "equalized_odds_difference",
            "equalized_odds_ratio", "equalized_odds_difference_mean", "equalized_odds_ratio_mean",
            "fairlearn_equal_opportunity_difference", "fairlearn_equal_opportunity_ratio", "gini_selection_rate",
            "max_min_contrast_selection_rate");

    /** Label metrics (AIF360 {@code BinaryLabelDatasetMetric}) on the true labels: base rates. */
    public static final List<String> LABEL_METRICS = List.of("statistical_parity_difference", "disparate_impact");

    private final GroupCounts counts;
    private final String privileged;
    private final boolean strict;
    private final double alpha;

    private GroupMetrics(GroupCounts counts, String privileged, boolean strict, double alpha) {
        this.counts = Objects.requireNonNull(counts, "counts");
        if (privileged != null) {
            counts.indexOf(privileged);
        }
        this.privileged = privileged;
        this.strict = strict;
        this.alpha = alpha;
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
        if (privileged == null) {
            return List.of();
        }
        List<String> u = new ArrayList<>(counts.groups());
        u.remove(privileged);
        return List.copyOf(u);
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
        return privileged == null ? ConfusionCounts.EMPTY : counts.counts(privileged);
    }

    /** @return the pooled counts of the unprivileged groups; empty counts without a privileged group */
    public ConfusionCounts unprivilegedCounts() {
        return counts.pooled(unprivileged());
    }

    /**
     * The difference of a rate across groups.
     *
     * @param rate   the rate
     * @param method how groups are compared
     * @return the difference with the pair behind it
     */
    public Comparison difference(Rate rate, ComparisonMethod method) {
        Comparison c = switch (method) {
            case PRIVILEGED -> privilegedForm(rate, false);
            case BETWEEN_GROUPS -> betweenGroups(rate, false);
            case TO_OVERALL -> toOverall(rate, false);
        };
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
        Comparison c = switch (method) {
            case PRIVILEGED -> privilegedForm(rate, true);
            case BETWEEN_GROUPS -> betweenGroups(rate, true);
            case TO_OVERALL -> toOverall(rate, true);
        };
        return check(c, rate.key() + " ratio (" + method + ") of " + attribute());
    }

    /**
     * A named metric, as in the JSON {@code metrics} block: one of {@link #PRIVILEGED_METRICS},
     * {@link #BETWEEN_GROUP_INDICES} or {@link #BETWEEN_GROUPS_METRICS}.
     *
     * @param name the metric's key
     * @return its value with the pair behind it
     * @throws IllegalArgumentException for an unknown name
     */
    public Comparison metric(String name) {
        Comparison c = compute(name);
        return check(c, name + " of " + attribute());
    }

    /**
     * Every named metric that applies: the privileged forms when a privileged group is named, the
     * between-group indices, and the between-groups forms.
     *
     * @return the metrics by key, in a stable order (never throws in strict mode)
     */
    public Map<String, Comparison> metrics() {
        Map<String, Comparison> m = new LinkedHashMap<>();
        if (privileged != null) {
            for (String k : PRIVILEGED_METRICS) {
                m.put(k, compute(k));
            }
        }
        for (String k : BETWEEN_GROUP_INDICES) {
            m.put(k, compute(k));
        }
        for (String k : BETWEEN_GROUPS_METRICS) {
            m.put(k, compute(k));
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * AIF360 {@code BinaryLabelDatasetMetric} on the true labels: statistical parity difference and
     * disparate impact of the base rates. Empty without a privileged group.
     *
     * @return the label metrics by key
     */
    public Map<String, Comparison> labelMetrics() {
        if (privileged == null) {
            return Map.of();
        }
        Map<String, Comparison> m = new LinkedHashMap<>();
        m.put("statistical_parity_difference", privilegedForm(Rate.BASE_RATE, false));
        m.put("disparate_impact", privilegedForm(Rate.BASE_RATE, true));
        return Collections.unmodifiableMap(m);
    }

    private Comparison compute(String name) {
        return switch (name) {
            case "statistical_parity_difference" -> privilegedForm(Rate.SELECTION_RATE, false);
            case "disparate_impact" -> privilegedForm(Rate.SELECTION_RATE, true);
            case "equal_opportunity_difference", "true_positive_rate_difference" ->
                    privilegedForm(Rate.TRUE_POSITIVE_RATE, false);
            case "true_positive_rate_ratio" -> privilegedForm(Rate.TRUE_POSITIVE_RATE, true);
            case "average_odds_difference" -> averageOdds(false);
            case "average_abs_odds_difference" -> averageOdds(true);
            case "error_rate_difference" -> privilegedForm(Rate.ERROR_RATE, false);
            case "error_rate_ratio" -> privilegedForm(Rate.ERROR_RATE, true);
            case "false_positive_rate_difference" -> privilegedForm(Rate.FALSE_POSITIVE_RATE, false);
            case "false_positive_rate_ratio" -> privilegedForm(Rate.FALSE_POSITIVE_RATE, true);
            case "false_negative_rate_difference" -> privilegedForm(Rate.FALSE_NEGATIVE_RATE, false);
            case "false_negative_rate_ratio" -> privilegedForm(Rate.FALSE_NEGATIVE_RATE, true);
            case "false_discovery_rate_difference" -> privilegedForm(Rate.FALSE_DISCOVERY_RATE, false);
            case "false_discovery_rate_ratio" -> privilegedForm(Rate.FALSE_DISCOVERY_RATE, true);
            case "false_omission_rate_difference" -> privilegedForm(Rate.FALSE_OMISSION_RATE, false);
            case "false_omission_rate_ratio" -> privilegedForm(Rate.FALSE_OMISSION_RATE, true);
            case "between_group_theil_index" -> index(1.0, false);
            case "between_group_generalized_entropy_index" -> index(alpha, false);
            case "between_group_coefficient_of_variation" -> index(2.0, true);
            case "demographic_parity_difference" -> betweenGroups(Rate.SELECTION_RATE, false);
            case "demographic_parity_ratio" -> betweenGroups(Rate.SELECTION_RATE, true);
            case "equalized_odds_difference" -> equalizedOdds(false, false);
            case "equalized_odds_ratio" -> equalizedOdds(true, false);
            case "equalized_odds_difference_mean" -> equalizedOdds(false, true);
            case "equalized_odds_ratio_mean" -> equalizedOdds(true, true);
            case "fairlearn_equal_opportunity_difference" -> betweenGroups(Rate.TRUE_POSITIVE_RATE, false);
            case "fairlearn_equal_opportunity_ratio" -> betweenGroups(Rate.TRUE_POSITIVE_RATE, true);
            case "gini_selection_rate" -> giniOfRates(Rate.SELECTION_RATE);
            case "max_min_contrast_selection_rate" -> maxMinContrast(Rate.SELECTION_RATE);
            default -> throw new IllegalArgumentException("unknown fairness metric '" + name + "'");
        };
    }

    private Comparison privilegedForm(Rate rate, boolean ratio) {
        if (privileged == null) {
            return Comparison.undefined(UndefinedReason.NO_PRIVILEGED_GROUP);
        }
        List<String> unpriv = unprivileged();
        String unprivName = String.join("|", unpriv);
        ConfusionCounts u = unprivilegedCounts();
        if (u.total() == 0 && u.rows() == 0) {
            return Comparison.of(MetricValue.undefined(UndefinedReason.EMPTY_GROUP), unprivName, privileged, List.of());
        }
        MetricValue ru = rate.of(u);
        MetricValue rp = rate.of(privilegedCounts());
        MetricValue v;
        if (!ru.isDefined()) {
            v = ru;
        } else if (!rp.isDefined()) {
            v = rp;
        } else if (ratio) {
            v = MetricValue.ratio(ru.value(), rp.value(), UndefinedReason.ZERO_REFERENCE_RATE);
        } else {
            v = MetricValue.of(ru.value() - rp.value());
        }
        return Comparison.of(v, unprivName, privileged, List.of());
    }

    private Comparison averageOdds(boolean abs) {
        Comparison fpr = privilegedForm(Rate.FALSE_POSITIVE_RATE, false);
        Comparison tpr = privilegedForm(Rate.TRUE_POSITIVE_RATE, false);
        if (!fpr.isDefined()) {
            return fpr;
        }
        if (!tpr.isDefined()) {
            return tpr;
        }
        double v = abs ? 0.5 * (Math.abs(fpr.value()) + Math.abs(tpr.value())) : 0.5 * (fpr.value() + tpr.value());
        return Comparison.of(MetricValue.of(v), fpr.group(), fpr.reference(), List.of());
    }

    /** Defined group values and the names of the skipped ones. */
    private record Defined(List<String> names, double[] values, List<String> skipped, UndefinedReason firstReason) {
    }

    private Defined defined(Rate rate) {
        List<String> names = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        double[] values = new double[counts.size()];
        int k = 0;
        UndefinedReason first = null;
        for (int g = 0; g < counts.size(); g++) {
            MetricValue v = rate.of(counts.counts(g));
            if (v.isDefined()) {
                names.add(counts.groups().get(g));
                values[k++] = v.value();
            } else {
                skipped.add(counts.groups().get(g));
                if (first == null) {
                    first = v.reason();
                }
            }
        }
        return new Defined(names, java.util.Arrays.copyOf(values, k), skipped, first);
    }

    private Comparison betweenGroups(Rate rate, boolean ratio) {
        Defined d = defined(rate);
        if (d.values.length < 2) {
            return new Comparison(Double.NaN, UndefinedReason.SINGLE_GROUP, null, null, d.skipped);
        }
        int min = argMin(d.values);
        int max = argMax(d.values);
        if (ratio) {
            MetricValue v = MetricValue.ratio(d.values[min], d.values[max], UndefinedReason.ZERO_REFERENCE_RATE);
            return Comparison.of(v, d.names.get(min), d.names.get(max), d.skipped);
        }
        return Comparison.of(MetricValue.of(d.values[max] - d.values[min]), d.names.get(max), d.names.get(min),
                d.skipped);
    }

    private Comparison toOverall(Rate rate, boolean ratio) {
        MetricValue o = rate.of(counts.overall());
        if (!o.isDefined()) {
            return Comparison.undefined(o.reason());
        }
        Defined d = defined(rate);
        if (d.values.length == 0) {
            return new Comparison(Double.NaN, d.firstReason, null, OVERALL, d.skipped);
        }
        int worst = -1;
        double worstValue = Double.NaN;
        for (int i = 0; i < d.values.length; i++) {
            double v;
            if (ratio) {
                if (o.value() == 0) {
                    return new Comparison(Double.NaN, UndefinedReason.ZERO_REFERENCE_RATE, null, OVERALL, d.skipped);
                }
                double r = d.values[i] / o.value();
                v = r <= 1 ? r : o.value() / d.values[i];
                if (worst < 0 || v < worstValue) {
                    worst = i;
                    worstValue = v;
                }
            } else {
                v = Math.abs(d.values[i] - o.value());
                if (worst < 0 || v > worstValue) {
                    worst = i;
                    worstValue = v;
                }
            }
        }
        return Comparison.of(MetricValue.of(worstValue), d.names.get(worst), OVERALL, d.skipped);
    }

    private Comparison equalizedOdds(boolean ratio, boolean mean) {
        Comparison tpr = betweenGroups(Rate.TRUE_POSITIVE_RATE, ratio);
        Comparison fpr = betweenGroups(Rate.FALSE_POSITIVE_RATE, ratio);
        if (!tpr.isDefined()) {
            return tpr;
        }
        if (!fpr.isDefined()) {
            return fpr;
        }
        List<String> skipped = new ArrayList<>(tpr.skipped());
        for (String s : fpr.skipped()) {
            if (!skipped.contains(s)) {
                skipped.add(s);
            }
        }
        if (mean) {
            return new Comparison(0.5 * (tpr.value() + fpr.value()), null, null, null, skipped);
        }
        boolean tprWorse = ratio ? tpr.value() <= fpr.value() : tpr.value() >= fpr.value();
        Comparison w = tprWorse ? tpr : fpr;
        return new Comparison(w.value(), null, w.group(), w.reference(), skipped);
    }

    private Comparison index(double a, boolean cv) {
        List<ConfusionCounts> parts;
        if (privileged != null) {
            parts = List.of(unprivilegedCounts(), privilegedCounts());
        } else {
            parts = counts.all();
        }
        MetricValue v = cv ? InequalityIndices.betweenGroupCoefficientOfVariation(parts)
                : InequalityIndices.betweenGroupGeneralizedEntropy(parts, a);
        return Comparison.of(v, null, null, List.of());
    }

    private Comparison giniOfRates(Rate rate) {
        Defined d = defined(rate);
        if (d.values.length == 0) {
            return new Comparison(Double.NaN, d.firstReason == null ? UndefinedReason.EMPTY_GROUP : d.firstReason,
                    null, null, d.skipped);
        }
        MetricValue v = InequalityIndices.gini(d.values);
        return Comparison.of(v, null, null, d.skipped);
    }

    private Comparison maxMinContrast(Rate rate) {
        Defined d = defined(rate);
        if (d.values.length < 2) {
            return new Comparison(Double.NaN, UndefinedReason.SINGLE_GROUP, null, null, d.skipped);
        }
        int min = argMin(d.values);
        int max = argMax(d.values);
        double hi = d.values[max];
        double lo = d.values[min];
        MetricValue v = MetricValue.ratio(hi - lo, hi + lo, UndefinedReason.ZERO_REFERENCE_RATE);
        return Comparison.of(v, d.names.get(max), d.names.get(min), d.skipped);
    }

    /** Index of the first smallest value (ties keep the earlier group, as a left-to-right scan does). */
    private static int argMin(double[] values) {
        int min = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[min]) {
                min = i;
            }
        }
        return min;
    }

    /** Index of the first largest value. */
    private static int argMax(double[] values) {
        int max = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[max]) {
                max = i;
            }
        }
        return max;
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
