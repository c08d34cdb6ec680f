package dev.candor.report.assemble;

import dev.candor.fairness.FairnessMetric;
import dev.candor.report.sections.MethodsSection.Definition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The definitions printed in a report's methods appendix, one per metric key the report can show.
 * The group fairness metrics come from the {@link FairnessMetric} registry (name, formula, ideal
 * value, band and reference); this class adds the rates, performance metrics, individual indices
 * and explanation methods. u is the pooled unprivileged group, p the privileged group; rates are
 * weighted when weights are given.
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
        for (FairnessMetric m : FairnessMetric.values()) {
            def(m.key(), m.displayName(), formula(m), m.reference());
        }
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
        for (dev.candor.fairness.performance.RegressionMetric m
                : dev.candor.fairness.performance.RegressionMetric.values()) {
            def(m.key(), m.displayName(), m.formula(), "scikit-learn sklearn.metrics (Pedregosa et al. 2011, JMLR 12)");
        }
        def("residual", "Residual", "y − ŷ, the observed minus the predicted value", "");
        def("reweighing", "Reweighing", "w(g, l) = n_g · n_l / (n · n_{g,l})", "Kamiran and Calders 2012, doi:10.1007/s10115-011-0463-8");
    }

    private MetricDefinitions() {
    }

    /** The registry's formula with the ideal value and, where there is one, the acceptable band. */
    private static String formula(FairnessMetric m) {
        String ideal = m.ideal() == 0.0 ? "0" : "1";
        return m.formula() + "; ideal " + ideal + (m.band().isBounded() ? ", acceptable " + m.band() : "");
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
