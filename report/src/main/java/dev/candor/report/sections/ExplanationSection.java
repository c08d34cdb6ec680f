package dev.candor.report.sections;

import java.util.List;
import java.util.Objects;

/**
 * Why the model decides what it decides: KernelSHAP global importance and summary, dependence of the
 * top features, local explanations (SHAP and LIME) for a few rows, and importance by group.
 *
 * @param features       the model's input features, in column order
 * @param baseValue      E[f(x)] over the SHAP background
 * @param explainedRows  how many rows were explained for the global view
 * @param importance     mean |SHAP value| per feature
 * @param importanceError standard error of that mean per feature
 * @param shapValues     SHAP values of the explained rows, [row][feature]
 * @param featureValues  the explained rows' feature values, [row][feature]
 * @param dependenceFeatures indices of the features given a dependence plot
 * @param local          local explanations of a few selected rows
 * @param byGroup        importance by group, per protected attribute
 * @param categoricalFeatures the features whose values are category codes (no order: the beeswarm does
 *                            not colour them by value)
 * @since 0.1.0
 */
public record ExplanationSection(List<String> features, double baseValue, int explainedRows, double[] importance,
                                 double[] importanceError, double[][] shapValues, double[][] featureValues,
                                 int[] dependenceFeatures, List<LocalExplanation> local,
                                 List<GroupImportance> byGroup, List<String> categoricalFeatures) {

    public ExplanationSection {
        features = List.copyOf(features);
        categoricalFeatures = List.copyOf(categoricalFeatures);
        if (!features.containsAll(categoricalFeatures)) {
            throw new IllegalArgumentException("categorical features " + categoricalFeatures
                    + " are not all among the features " + features);
        }
        int m = features.size();
        if (importance.length != m || importanceError.length != m) {
            throw new IllegalArgumentException("importance and importanceError need one value per feature (" + m
                    + "), got " + importance.length + " and " + importanceError.length);
        }
        if (shapValues.length != featureValues.length) {
            throw new IllegalArgumentException("shapValues and featureValues need the same rows, got "
                    + shapValues.length + " and " + featureValues.length);
        }
        importance = importance.clone();
        importanceError = importanceError.clone();
        dependenceFeatures = dependenceFeatures.clone();
        local = List.copyOf(local);
        byGroup = List.copyOf(byGroup);
    }

    /** The section with no feature marked categorical. */
    public ExplanationSection(List<String> features, double baseValue, int explainedRows, double[] importance,
                              double[] importanceError, double[][] shapValues, double[][] featureValues,
                              int[] dependenceFeatures, List<LocalExplanation> local, List<GroupImportance> byGroup) {
        this(features, baseValue, explainedRows, importance, importanceError, shapValues, featureValues,
                dependenceFeatures, local, byGroup, List.of());
    }

    /**
     * The SHAP and LIME explanation of one row.
     *
     * @param row            the row's index in the evaluated data
     * @param reason         why this row was chosen (for example "highest score")
     * @param groups         the row's protected groups, for example {@code sex = female}
     * @param prediction     the model's output f(x)
     * @param featureLabels  a label per feature, {@code name = value}
     * @param shap           SHAP value per feature
     * @param limeLabels     LIME's label per feature (its discretized condition)
     * @param limeWeights    LIME weight per feature
     * @param limeIntercept  the surrogate's intercept
     * @param limeScore      the surrogate's weighted R^2
     * @param limeStability  mean Jaccard similarity of the top features over reruns with other seeds
     *                       (NaN when not measured)
     */
    public record LocalExplanation(int row, String reason, String groups, double prediction,
                                   List<String> featureLabels, double[] shap, List<String> limeLabels,
                                   double[] limeWeights, double limeIntercept, double limeScore,
                                   double limeStability) {
        public LocalExplanation {
            Objects.requireNonNull(reason, "reason");
            featureLabels = List.copyOf(featureLabels);
            limeLabels = List.copyOf(limeLabels);
            shap = shap.clone();
            limeWeights = limeWeights.clone();
        }
    }

    /**
     * SHAP values summarised within each group of one attribute. The mean signed SHAP values
     * decompose the gap between the groups' mean predictions exactly: for groups a and b,
     * Σ_j (meanShap[a][j] − meanShap[b][j]) = meanPrediction[a] − meanPrediction[b], since every
     * row's values sum to f(x) − E[f(x)]. A feature that is not the protected attribute but carries a
     * large share of that gap acts as its proxy.
     *
     * @param attribute      the attribute
     * @param groups         the groups
     * @param importance     mean |SHAP value|, [group][feature]
     * @param meanShap       mean signed SHAP value, [group][feature]
     * @param meanPrediction mean model output per group
     * @param counts         explained rows per group
     * @param largestShift   the feature whose mean signed SHAP value differs most between the groups
     */
    public record GroupImportance(String attribute, List<String> groups, double[][] importance, double[][] meanShap,
                                  double[] meanPrediction, long[] counts, String largestShift) {
        public GroupImportance {
            Objects.requireNonNull(attribute, "attribute");
            groups = List.copyOf(groups);
            int k = groups.size();
            if (importance.length != k || meanShap.length != k || meanPrediction.length != k || counts.length != k) {
                throw new IllegalArgumentException("importance, meanShap, meanPrediction and counts need one entry "
                        + "per group of " + attribute + " (" + k + ")");
            }
        }
    }
}
