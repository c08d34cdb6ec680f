package dev.candor.fairness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The registry of group fairness metrics: one constant per key of an attribute's {@code metrics}
 * block in the audit JSON, in that block's order. Tables, JSON, charts, the methods appendix and the
 * default policy read this table; nothing derives a metric's properties from its name.
 *
 * <p>As in fairlearn's {@code _generated_metrics.py}, a key is <em>generated</em> from the table
 * (a stem, or the key of the {@link Rate}, followed by the {@link MetricKind#suffix() kind's suffix});
 * only AIF360's {@code disparate_impact} keeps its historical name. Each constant carries:
 * <ul>
 *   <li>its {@link #key()} (the AIF360 / fairlearn function name) and {@link #rates()};</li>
 *   <li>its {@link #kind()} (difference, ratio, index) and {@link #form()} — privileged versus the
 *       pooled unprivileged groups (AIF360), or between groups (fairlearn, max − min and min / max);</li>
 *   <li>a {@link #displayName()}, a {@link #formula()}, its {@link #reference()} (library and paper);</li>
 *   <li>its {@link #ideal()} value and acceptable {@link #band()}, from {@link MetricKind}.</li>
 * </ul>
 * Notation: {@code u} is the pooled unprivileged group, {@code p} the privileged group; SR, TPR,
 * FPR, FNR, ERR, FDR, FOR are the {@link Rate}s; "over all groups" means every group with a defined
 * rate (undefined ones are skipped and disclosed in {@link Comparison#skipped()}).
 *
 * <p>Compute a metric with {@link GroupMetrics#metric(FairnessMetric)} (or by key with
 * {@link GroupMetrics#metric(String)}).
 *
 * @since 0.1.0
 */
public enum FairnessMetric {

    /** {@code SR(u) − SR(p)} (AIF360 {@code statistical_parity_difference}). */
    STATISTICAL_PARITY_DIFFERENCE(stem("statistical_parity"), Rate.SELECTION_RATE, MetricKind.DIFFERENCE,
            ComparisonMethod.PRIVILEGED, Library.AIF360, "Statistical parity difference", "SR(u) − SR(p)", ""),
    /** {@code SR(u) / SR(p)} (AIF360 {@code disparate_impact}); the four-fifths rule bounds it. */
    DISPARATE_IMPACT(fixed("disparate_impact"), Rate.SELECTION_RATE, MetricKind.RATIO, ComparisonMethod.PRIVILEGED,
            Library.AIF360, "Disparate impact", "SR(u) / SR(p)",
            "Feldman et al. 2015, doi:10.1145/2783258.2783311; 29 CFR 1607.4(D)"),
    /** {@code TPR(u) − TPR(p)} (AIF360 {@code equal_opportunity_difference}). */
    EQUAL_OPPORTUNITY_DIFFERENCE(stem("equal_opportunity"), Rate.TRUE_POSITIVE_RATE, MetricKind.DIFFERENCE,
            ComparisonMethod.PRIVILEGED, Library.AIF360, "Equal opportunity difference", "TPR(u) − TPR(p)",
            "Hardt et al. 2016, arXiv:1610.02413"),
    /** {@code ½[(FPR(u) − FPR(p)) + (TPR(u) − TPR(p))]} (AIF360 {@code average_odds_difference}). */
    AVERAGE_ODDS_DIFFERENCE(stem("average_odds"), MetricKind.DIFFERENCE, ComparisonMethod.PRIVILEGED,
            List.of(Rate.FALSE_POSITIVE_RATE, Rate.TRUE_POSITIVE_RATE), c -> c.averageOdds(false), false,
            Library.AIF360, "Average odds difference", "½[(FPR(u) − FPR(p)) + (TPR(u) − TPR(p))]", ""),
    /** {@code ½[|FPR(u) − FPR(p)| + |TPR(u) − TPR(p)|]} (AIF360 {@code average_abs_odds_difference}), ≥ 0. */
    AVERAGE_ABS_ODDS_DIFFERENCE(stem("average_abs_odds"), MetricKind.DIFFERENCE, ComparisonMethod.PRIVILEGED,
            List.of(Rate.FALSE_POSITIVE_RATE, Rate.TRUE_POSITIVE_RATE), c -> c.averageOdds(true), true,
            Library.AIF360, "Average absolute odds difference", "½[|FPR(u) − FPR(p)| + |TPR(u) − TPR(p)|]", ""),
    /** {@code ERR(u) − ERR(p)}, {@code ERR = 1 − accuracy}. */
    ERROR_RATE_DIFFERENCE(ofRate(), Rate.ERROR_RATE, MetricKind.DIFFERENCE, ComparisonMethod.PRIVILEGED,
            Library.AIF360, "Error rate difference", "ERR(u) − ERR(p), ERR = 1 − accuracy", ""),
    /** {@code ERR(u) / ERR(p)}. */
    ERROR_RATE_RATIO(ofRate(), Rate.ERROR_RATE, MetricKind.RATIO, ComparisonMethod.PRIVILEGED, Library.AIF360,
            "Error rate ratio", "ERR(u) / ERR(p)", ""),
    /** {@code FPR(u) − FPR(p)}. */
    FALSE_POSITIVE_RATE_DIFFERENCE(ofRate(), Rate.FALSE_POSITIVE_RATE, MetricKind.DIFFERENCE,
            ComparisonMethod.PRIVILEGED, Library.AIF360, "False positive rate difference", "FPR(u) − FPR(p)", ""),
    /** {@code FPR(u) / FPR(p)}. */
    FALSE_POSITIVE_RATE_RATIO(ofRate(), Rate.FALSE_POSITIVE_RATE, MetricKind.RATIO, ComparisonMethod.PRIVILEGED,
            Library.AIF360, "False positive rate ratio", "FPR(u) / FPR(p)", ""),
    /** {@code FNR(u) − FNR(p)}. */
    FALSE_NEGATIVE_RATE_DIFFERENCE(ofRate(), Rate.FALSE_NEGATIVE_RATE, MetricKind.DIFFERENCE,
            ComparisonMethod.PRIVILEGED, Library.AIF360, "False negative rate difference", "FNR(u) − FNR(p)", ""),
    /** {@code FNR(u) / FNR(p)}. */
    FALSE_NEGATIVE_RATE_RATIO(ofRate(), Rate.FALSE_NEGATIVE_RATE, MetricKind.RATIO, ComparisonMethod.PRIVILEGED,
            Library.AIF360, "False negative rate ratio", "FNR(u) / FNR(p)", ""),
    /** {@code FDR(u) − FDR(p)}, {@code FDR = FP / (TP + FP)}. */
    FALSE_DISCOVERY_RATE_DIFFERENCE(ofRate(), Rate.FALSE_DISCOVERY_RATE, MetricKind.DIFFERENCE,
            ComparisonMethod.PRIVILEGED, Library.AIF360, "False discovery rate difference",
            "FDR(u) − FDR(p), FDR = FP / (TP + FP)", ""),
    /** {@code FDR(u) / FDR(p)}. */
    FALSE_DISCOVERY_RATE_RATIO(ofRate(), Rate.FALSE_DISCOVERY_RATE, MetricKind.RATIO, ComparisonMethod.PRIVILEGED,
            Library.AIF360, "False discovery rate ratio", "FDR(u) / FDR(p)", ""),
    /** {@code FOR(u) − FOR(p)}, {@code FOR = FN / (TN + FN)}. */
    FALSE_OMISSION_RATE_DIFFERENCE(ofRate(), Rate.FALSE_OMISSION_RATE, MetricKind.DIFFERENCE,
            ComparisonMethod.PRIVILEGED, Library.AIF360, "False omission rate difference",
            "FOR(u) − FOR(p), FOR = FN / (TN + FN)", ""),
    /** {@code FOR(u) / FOR(p)}. */
    FALSE_OMISSION_RATE_RATIO(ofRate(), Rate.FALSE_OMISSION_RATE, MetricKind.RATIO, ComparisonMethod.PRIVILEGED,
            Library.AIF360, "False omission rate ratio", "FOR(u) / FOR(p)", ""),
    /** {@code TPR(u) − TPR(p)} (the same value as {@link #EQUAL_OPPORTUNITY_DIFFERENCE}). */
    TRUE_POSITIVE_RATE_DIFFERENCE(ofRate(), Rate.TRUE_POSITIVE_RATE, MetricKind.DIFFERENCE,
            ComparisonMethod.PRIVILEGED, Library.AIF360, "True positive rate difference", "TPR(u) − TPR(p)", ""),
    /** {@code TPR(u) / TPR(p)}. */
    TRUE_POSITIVE_RATE_RATIO(ofRate(), Rate.TRUE_POSITIVE_RATE, MetricKind.RATIO, ComparisonMethod.PRIVILEGED,
            Library.AIF360, "True positive rate ratio", "TPR(u) / TPR(p)", ""),

    /**
     * Theil index GE(1) of the benefits {@code bᵢ = ŷᵢ − yᵢ + 1} with every row given its group's mean
     * benefit; the groups are p and the pooled u when a privileged group is named, else every group.
     */
    BETWEEN_GROUP_THEIL_INDEX(stem("between_group_theil_index"), MetricKind.INDEX, ComparisonMethod.BETWEEN_GROUPS,
            List.of(), c -> c.index(1.0, false), true, Library.AIF360, "Between-group Theil index",
            "Theil index of the benefits with every row given its group's mean benefit",
            "Speicher et al. 2018, doi:10.1145/3219819.3220046"),
    /** Generalized entropy GE(α) (α = 2 unless {@link GroupMetrics#withAlpha(double)}) of the group-mean benefits. */
    BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX(stem("between_group_generalized_entropy_index"), MetricKind.INDEX,
            ComparisonMethod.BETWEEN_GROUPS, List.of(), GroupComparisons::betweenGroupEntropy, true, Library.AIF360,
            "Between-group generalized entropy index", "GE(2) with every row given its group's mean benefit",
            "Speicher et al. 2018"),
    /** {@code √(2 · between-group GE(2))}. */
    BETWEEN_GROUP_COEFFICIENT_OF_VARIATION(stem("between_group_coefficient_of_variation"), MetricKind.INDEX,
            ComparisonMethod.BETWEEN_GROUPS, List.of(), c -> c.index(2.0, true), true, Library.AIF360,
            "Between-group coefficient of variation", "√(2 · between-group GE(2))", "Speicher et al. 2018"),

    /** {@code max − min} of SR over all groups (fairlearn {@code demographic_parity_difference}). */
    DEMOGRAPHIC_PARITY_DIFFERENCE(stem("demographic_parity"), Rate.SELECTION_RATE, MetricKind.DIFFERENCE,
            ComparisonMethod.BETWEEN_GROUPS, Library.FAIRLEARN, "Demographic parity difference",
            "max − min of SR over all groups", ""),
    /** {@code min / max} of SR over all groups (fairlearn {@code demographic_parity_ratio}). */
    DEMOGRAPHIC_PARITY_RATIO(stem("demographic_parity"), Rate.SELECTION_RATE, MetricKind.RATIO,
            ComparisonMethod.BETWEEN_GROUPS, Library.FAIRLEARN, "Demographic parity ratio",
            "min / max of SR over all groups", ""),
    /** {@code max(ΔTPR, ΔFPR)}, Δ = max − min over all groups (fairlearn, {@code agg='worst_case'}). */
    EQUALIZED_ODDS_DIFFERENCE(stem("equalized_odds"), MetricKind.DIFFERENCE, ComparisonMethod.BETWEEN_GROUPS,
            List.of(Rate.TRUE_POSITIVE_RATE, Rate.FALSE_POSITIVE_RATE), c -> c.equalizedOdds(false, false), true,
            Library.FAIRLEARN, "Equalized odds difference", "max(TPR gap, FPR gap), gaps max − min over all groups",
            "Hardt et al. 2016, arXiv:1610.02413"),
    /** {@code min(TPR ratio, FPR ratio)}, ratios min / max over all groups (fairlearn, {@code agg='worst_case'}). */
    EQUALIZED_ODDS_RATIO(stem("equalized_odds"), MetricKind.RATIO, ComparisonMethod.BETWEEN_GROUPS,
            List.of(Rate.TRUE_POSITIVE_RATE, Rate.FALSE_POSITIVE_RATE), c -> c.equalizedOdds(true, false), true,
            Library.FAIRLEARN, "Equalized odds ratio", "min(TPR ratio, FPR ratio), ratios min / max over all groups",
            "Hardt et al. 2016, arXiv:1610.02413"),
    /** {@code ½(ΔTPR + ΔFPR)} (fairlearn {@code equalized_odds_difference(agg='mean')}). */
    EQUALIZED_ODDS_DIFFERENCE_MEAN(stem("equalized_odds", "_mean"), MetricKind.DIFFERENCE,
            ComparisonMethod.BETWEEN_GROUPS, List.of(Rate.TRUE_POSITIVE_RATE, Rate.FALSE_POSITIVE_RATE),
            c -> c.equalizedOdds(false, true), true, Library.FAIRLEARN, "Equalized odds difference (mean)",
            "mean of the TPR and FPR gaps", ""),
    /** {@code ½(TPR ratio + FPR ratio)} (fairlearn {@code equalized_odds_ratio(agg='mean')}). */
    EQUALIZED_ODDS_RATIO_MEAN(stem("equalized_odds", "_mean"), MetricKind.RATIO, ComparisonMethod.BETWEEN_GROUPS,
            List.of(Rate.TRUE_POSITIVE_RATE, Rate.FALSE_POSITIVE_RATE), c -> c.equalizedOdds(true, true), true,
            Library.FAIRLEARN, "Equalized odds ratio (mean)", "mean of the TPR and FPR ratios", ""),
    /** {@code max − min} of TPR over all groups (fairlearn {@code equal_opportunity_difference}). */
    FAIRLEARN_EQUAL_OPPORTUNITY_DIFFERENCE(stem("fairlearn_equal_opportunity"), Rate.TRUE_POSITIVE_RATE,
            MetricKind.DIFFERENCE, ComparisonMethod.BETWEEN_GROUPS, Library.FAIRLEARN,
            "Equal opportunity difference (all groups)", "max − min of TPR over all groups", ""),
    /** {@code min / max} of TPR over all groups (fairlearn {@code equal_opportunity_ratio}). */
    FAIRLEARN_EQUAL_OPPORTUNITY_RATIO(stem("fairlearn_equal_opportunity"), Rate.TRUE_POSITIVE_RATE,
            MetricKind.RATIO, ComparisonMethod.BETWEEN_GROUPS, Library.FAIRLEARN,
            "Equal opportunity ratio (all groups)", "min / max of TPR over all groups", ""),
    /** {@code Σᵢ Σⱼ |rᵢ − rⱼ| / (2k² mean r)} over the k group selection rates (unweighted over groups). */
    GINI_SELECTION_RATE(prefixed("gini_"), MetricKind.INDEX, ComparisonMethod.BETWEEN_GROUPS,
            List.of(Rate.SELECTION_RATE), c -> c.giniOfRates(Rate.SELECTION_RATE), true, Library.CANDOR,
            "Gini of selection rates", "Σᵢ Σⱼ |rᵢ − rⱼ| / (2 k² mean r) over the k groups", ""),
    /** {@code (max r − min r) / (max r + min r)} of the group selection rates. */
    MAX_MIN_CONTRAST_SELECTION_RATE(prefixed("max_min_contrast_"), MetricKind.INDEX,
            ComparisonMethod.BETWEEN_GROUPS, List.of(Rate.SELECTION_RATE), c -> c.maxMinContrast(Rate.SELECTION_RATE),
            true, Library.CANDOR, "Max-min contrast of selection rates", "(max r − min r) / (max r + min r)", "");

    /** The metrics AIF360's {@code BinaryLabelDatasetMetric} also computes on the true labels (base rates). */
    public static final List<FairnessMetric> LABEL_METRICS = List.of(STATISTICAL_PARITY_DIFFERENCE, DISPARATE_IMPACT);

    private static final Map<String, FairnessMetric> BY_KEY;

    static {
        Map<String, FairnessMetric> m = new LinkedHashMap<>();
        for (FairnessMetric f : values()) {
            if (m.put(f.key, f) != null) {
                throw new ExceptionInInitializerError("two fairness metrics generate the key " + f.key);
            }
        }
        BY_KEY = Collections.unmodifiableMap(m);
    }

    /**
     * The library a metric's definition and name come from.
     */
    public enum Library {
        /** IBM AI Fairness 360, {@code ClassificationMetric}. */
        AIF360("AIF360 ClassificationMetric (Bellamy et al. 2018, arXiv:1810.01943)"),
        /** fairlearn's {@code metrics} module. */
        FAIRLEARN("fairlearn (Weerts et al. 2023, JMLR 24(257))"),
        /** Candor's own spreads of group rates. */
        CANDOR("Candor");

        private final String citation;

        Library(String citation) {
            this.citation = citation;
        }

        /** @return the library with the paper that describes it */
        public String citation() {
            return citation;
        }
    }

    /** How a key is generated: {@code prefix + (stem or the rate's key) + kind suffix + qualifier}, or fixed. */
    private record Naming(String prefix, String stem, String qualifier, String fixed) {
        String key(MetricKind kind, List<Rate> rates) {
            if (fixed != null) {
                return fixed;
            }
            return prefix + (stem == null ? rates.get(0).key() : stem) + kind.suffix() + qualifier;
        }
    }

    private static Naming stem(String stem) {
        return new Naming("", stem, "", null);
    }

    private static Naming stem(String stem, String qualifier) {
        return new Naming("", stem, qualifier, null);
    }

    private static Naming ofRate() {
        return new Naming("", null, "", null);
    }

    private static Naming prefixed(String prefix) {
        return new Naming(prefix, null, "", null);
    }

    private static Naming fixed(String key) {
        return new Naming(null, null, null, key);
    }

    private final String key;
    private final MetricKind kind;
    private final ComparisonMethod form;
    private final List<Rate> rates;
    private final Function<GroupComparisons, Comparison> composite;
    private final boolean oneSided;
    private final Library library;
    private final String displayName;
    private final String formula;
    private final String paper;

    /** A rate compared in one form: the difference or ratio of {@code rate}. */
    FairnessMetric(Naming naming, Rate rate, MetricKind kind, ComparisonMethod form, Library library,
                   String displayName, String formula, String paper) {
        this(naming, kind, form, List.of(rate), null, form == ComparisonMethod.BETWEEN_GROUPS, library,
                displayName, formula, paper);
    }

    /** A composite: computed by {@code composite}; {@code oneSided} when it can only fall short of parity one way. */
    FairnessMetric(Naming naming, MetricKind kind, ComparisonMethod form, List<Rate> rates,
                   Function<GroupComparisons, Comparison> composite, boolean oneSided, Library library,
                   String displayName, String formula, String paper) {
        this.kind = kind;
        this.form = form;
        this.rates = List.copyOf(rates);
        this.key = naming.key(kind, this.rates);
        this.composite = composite;
        this.oneSided = oneSided;
        this.library = library;
        this.displayName = displayName;
        this.formula = formula;
        this.paper = paper;
    }

    /** @return the key in JSON and policies, the AIF360 / fairlearn function name */
    public String key() {
        return key;
    }

    /** @return the rates it compares (two for the odds metrics; none for the benefit-based indices) */
    public List<Rate> rates() {
        return rates;
    }

    /**
     * @return the single rate it compares, the one whose 2×2 test of independence gives its p-value;
     *         empty for composites of two rates and for the benefit-based indices
     */
    public Optional<Rate> rate() {
        return rates.size() == 1 ? Optional.of(rates.get(0)) : Optional.empty();
    }

    /** @return difference, ratio or index */
    public MetricKind kind() {
        return kind;
    }

    /**
     * @return how groups are compared: {@link ComparisonMethod#PRIVILEGED} (u versus p, needs a
     *         privileged group) or {@link ComparisonMethod#BETWEEN_GROUPS} (all groups; the
     *         between-group indices use p and the pooled u when a privileged group is named)
     */
    public ComparisonMethod form() {
        return form;
    }

    /** @return true when it needs a privileged group */
    public boolean needsPrivileged() {
        return form == ComparisonMethod.PRIVILEGED;
    }

    /** @return the library it comes from */
    public Library library() {
        return library;
    }

    /** @return a readable name, e.g. {@code Disparate impact} */
    public String displayName() {
        return displayName;
    }

    /** @return its definition in the notation of this class, e.g. {@code SR(u) / SR(p)} */
    public String formula() {
        return formula;
    }

    /** @return the library and, where there is one, the paper that defines it */
    public String reference() {
        return paper.isEmpty() ? library.citation() : library.citation() + "; " + paper;
    }

    /** @return the value of perfect parity (0 for differences and indices, 1 for ratios) */
    public double ideal() {
        return kind.ideal();
    }

    /**
     * The acceptable band the default policy and the charts use: the kind's band for two-sided
     * metrics; for one-sided ones (max − min and absolute differences are ≥ 0, min / max ratios ≤ 1)
     * only the bound on the side parity can be lost; none for indices.
     *
     * @return the band
     */
    public Band band() {
        Band b = kind.band();
        if (!oneSided || kind == MetricKind.INDEX) {
            return b;
        }
        return kind == MetricKind.RATIO ? Band.atLeast(b.lower()) : Band.atMost(b.upper());
    }

    /** Computes the metric (never throws for undefined values). */
    Comparison compute(GroupComparisons c) {
        if (composite != null) {
            return composite.apply(c);
        }
        return c.compare(rates.get(0), form, kind == MetricKind.RATIO);
    }

    /**
     * Computes the same comparison on another rate (AIF360's label metrics use the base rate).
     *
     * @throws UnsupportedOperationException for a composite metric
     */
    Comparison computeOn(GroupComparisons c, Rate rate) {
        if (composite != null) {
            throw new UnsupportedOperationException(key + " is a composite and cannot be moved to another rate");
        }
        return c.compare(rate, form, kind == MetricKind.RATIO);
    }

    /**
     * @param key a metric key such as {@code disparate_impact}
     * @return the metric with that key
     * @throws IllegalArgumentException for an unknown key, listing the valid ones
     */
    public static FairnessMetric fromKey(String key) {
        FairnessMetric m = BY_KEY.get(key);
        if (m == null) {
            throw new IllegalArgumentException("unknown fairness metric '" + key + "'; valid keys: " + keys());
        }
        return m;
    }

    /**
     * @param key a metric key
     * @return the metric, or empty for a key that is not a group fairness metric (a rate, an individual index, ...)
     */
    public static Optional<FairnessMetric> find(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** @return every key, in the order of the audit JSON */
    public static List<String> keys() {
        return new ArrayList<>(BY_KEY.keySet());
    }
}
