package dev.candor.report.assemble;

import dev.candor.report.sections.MethodsSection.Definition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The definitions printed in a report's methods appendix, one per metric key the report can show.
 * u is the pooled unprivileged group, p the privileged group; rates are weighted when weights are
 * given. Differences are u − p, ratios u / p (AIF360); between-groups forms are max − min and
 * min / max over all groups (fairlearn).
 *
 * @since 0.1.0
 */
public final class MetricDefinitions {

    private static final String AIF = "AIF360 ClassificationMetric (Bellamy et al. 2018, arXiv:1810.01943)";
    private static final String FL = "fairlearn (Weerts et al. 2023, JMLR 24(257))";
    private static final Map<String, String[]> DEFS = new LinkedHashMap<>();

    static {
        def("accuracy", "Accuracy", "(TP + TN) / n", "");
        def("roc_auc", "ROC AUC", "area under the ROC curve of the score, ties counted half", "Hanley and McNeil 1982, doi:10.1148/radiology.143.1.7063747");
        def("selection_rate", "Selection rate", "P(ŷ = favorable) = (TP + FP) / n", FL);
        def("base_rate", "Base rate", "P(y = favorable) = (TP + FN) / n", AIF);
        def("true_positive_rate", "True positive rate (TPR)", "TP / (TP + FN); undefined without positives", "");
        def("false_positive_rate", "False positive rate (FPR)", "FP / (FP + TN); undefined without negatives", "");
        def("positive_predictive_value", "Positive predictive value (PPV)", "TP / (TP + FP); undefined without predicted positives", "");
        def("statistical_parity_difference", "Statistical parity difference", "SR(u) − SR(p)", AIF);
        def("disparate_impact", "Disparate impact", "SR(u) / SR(p); the four-fifths rule asks 0.8 ≤ DI (and ≤ 1.25 both ways)",
                "Feldman et al. 2015, doi:10.1145/2783258.2783311; 29 CFR 1607.4(D)");
        def("equal_opportunity_difference", "Equal opportunity difference", "TPR(u) − TPR(p)", "Hardt et al. 2016, arXiv:1610.02413");
        def("average_odds_difference", "Average odds difference", "½[(FPR(u) − FPR(p)) + (TPR(u) − TPR(p))]", AIF);
        def("average_abs_odds_difference", "Average absolute odds difference", "½[|FPR(u) − FPR(p)| + |TPR(u) − TPR(p)|]", AIF);
        def("error_rate_difference", "Error rate difference", "ERR(u) − ERR(p), ERR = 1 − accuracy", AIF);
        def("error_rate_ratio", "Error rate ratio", "ERR(u) / ERR(p)", AIF);
        def("false_positive_rate_difference", "False positive rate difference", "FPR(u) − FPR(p)", AIF);
        def("false_positive_rate_ratio", "False positive rate ratio", "FPR(u) / FPR(p)", AIF);
        def("false_negative_rate_difference", "False negative rate difference", "FNR(u) − FNR(p)", AIF);
        def("false_negative_rate_ratio", "False negative rate ratio", "FNR(u) / FNR(p)", AIF);
        def("false_discovery_rate_difference", "False discovery rate difference", "FDR(u) − FDR(p), FDR = FP / (TP + FP)", AIF);
        def("false_discovery_rate_ratio", "False discovery rate ratio", "FDR(u) / FDR(p)", AIF);
        def("false_omission_rate_difference", "False omission rate difference", "FOR(u) − FOR(p), FOR = FN / (TN + FN)", AIF);
        def("false_omission_rate_ratio", "False omission rate ratio", "FOR(u) / FOR(p)", AIF);
        def("true_positive_rate_difference", "True positive rate difference", "TPR(u) − TPR(p)", AIF);
        def("true_positive_rate_ratio", "True positive rate ratio", "TPR(u) / TPR(p)", AIF);
        def("between_group_theil_index", "Between-group Theil index", "Theil index of the benefits with every row given its group's mean benefit", "Speicher et al. 2018, doi:10.1145/3219819.3220046");
        def("between_group_generalized_entropy_index", "Between-group generalized entropy index", "GE(2) with every row given its group's mean benefit", "Speicher et al. 2018");
        def("between_group_coefficient_of_variation", "Between-group coefficient of variation", "√(2 · between-group GE(2))", "Speicher et al. 2018");
        def("demographic_parity_difference", "Demographic parity difference", "max − min of SR over all groups", FL);
        def("demographic_parity_ratio", "Demographic parity ratio", "min / max of SR over all groups", FL);
        def("equalized_odds_difference", "Equalized odds difference", "max(TPR gap, FPR gap), gaps max − min over all groups", FL);
        def("equalized_odds_ratio", "Equalized odds ratio", "min(TPR ratio, FPR ratio), ratios min / max over all groups", FL);
        def("equalized_odds_difference_mean", "Equalized odds difference (mean)", "mean of the TPR and FPR gaps", FL);
        def("equalized_odds_ratio_mean", "Equalized odds ratio (mean)", "mean of the TPR and FPR ratios", FL);
        def("fairlearn_equal_opportunity_difference", "Equal opportunity difference (all groups)", "max − min of TPR over all groups", FL);
        def("fairlearn_equal_opportunity_ratio", "Equal opportunity ratio (all groups)", "min / max of TPR over all groups", FL);
        def("gini_selection_rate", "Gini of selection rates", "Σᵢ Σⱼ |rᵢ − rⱼ| / (2 k² mean r) over the k groups", "");
        def("max_min_contrast_selection_rate", "Max-min contrast of selection rates", "(max r − min r) / (max r + min r)", "");
        def("theil_index", "Theil index", "GE(1) = 1/n Σ (bᵢ/μ) ln(bᵢ/μ), benefit bᵢ = ŷᵢ − yᵢ + 1", "Speicher et al. 2018, doi:10.1145/3219819.3220046");
        def("generalized_entropy_index", "Generalized entropy index (α = 2)", "1/(n α(α−1)) Σ[(bᵢ/μ)^α − 1]", "Speicher et al. 2018");
        def("coefficient_of_variation", "Coefficient of variation", "√(2 · GE(2))", "Speicher et al. 2018");
        def("gini", "Gini index of benefits", "Σᵢ Σⱼ |bᵢ − bⱼ| / (2 n² μ)", "");
        def("shap", "SHAP value (KernelSHAP)", "φ from the Shapley kernel weighted regression over coalitions; Σφ = f(x) − E[f(x)]", "Lundberg and Lee 2017, arXiv:1705.07874");
        def("lime", "LIME weight", "coefficient of a weighted ridge surrogate on discretized features, kernel width 0.75·√M", "Ribeiro et al. 2016, doi:10.1145/2939672.2939778");
        def("lime_stability", "LIME stability", "mean Jaccard similarity of the top-k features over reruns with different seeds", "");
        def("balanced_accuracy", "Balanced accuracy", "½(TPR + TNR)", "");
        def("training_label_parity_difference", "Statistical parity difference of the training labels",
                "weighted base rate(u) − base rate(p) of the training data; 0 after reweighing", "Kamiran and Calders 2012");
        def("reweighing", "Reweighing", "w(g, l) = n_g · n_l / (n · n_{g,l})", "Kamiran and Calders 2012, doi:10.1007/s10115-011-0463-8");
    }

    private MetricDefinitions() {
    }

    private static void def(String key, String name, String formula, String ref) {
        DEFS.put(key, new String[] {name, formula, ref});
    }

    /**
     * @param key a metric key
     * @return its readable name (the key itself when unknown)
     */
    public static String name(String key) {
        String[] d = DEFS.get(key);
        return d == null ? key.replace('_', ' ') : d[0];
    }

    /**
     * @param keys the keys shown in a report
     * @return their definitions, in the order of the keys, without repeats; unknown keys are skipped
     */
    public static List<Definition> of(Iterable<String> keys) {
        Map<String, Definition> out = new LinkedHashMap<>();
        for (String k : keys) {
            String[] d = DEFS.get(k);
            if (d != null) {
                out.putIfAbsent(k, new Definition(k, d[0], d[1], d[2]));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** @return every known key */
    public static List<String> keys() {
        return List.copyOf(DEFS.keySet());
    }
}
