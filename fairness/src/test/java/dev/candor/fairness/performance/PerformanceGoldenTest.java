package dev.candor.fairness.performance;

import dev.candor.fairness.GoldenCsv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import dev.candor.fairness.GroupAttribute;
import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every value of {@code ../shared/golden/performance/} (scikit-learn 1.2.1 and fairlearn 0.14.0
 * MetricFrame; see the README there) reproduced to 1e-9: each block is iterated key by key and every
 * key must have a Candor value. The Python that made them, per block:
 * <pre>
 * mf = MetricFrame(metrics={"accuracy_score": accuracy_score, ...}, y_true=y, y_pred=pred,
 *                  sensitive_features=df[attr], sample_params=...)
 * mf.overall, mf.by_group, mf.group_min(), mf.group_max(), mf.difference(method=...), mf.ratio(method=...)
 * </pre>
 */
class PerformanceGoldenTest {

    /** The golden files' metric names (scikit-learn's function names), per Candor metric. */
    static final Map<ClassificationMetric, String> CLASSIFICATION_NAMES = new EnumMap<>(Map.ofEntries(
            Map.entry(ClassificationMetric.ACCURACY, "accuracy_score"),
            Map.entry(ClassificationMetric.BALANCED_ACCURACY, "balanced_accuracy_score"),
            Map.entry(ClassificationMetric.PRECISION, "precision_score"),
            Map.entry(ClassificationMetric.RECALL, "recall_score"),
            Map.entry(ClassificationMetric.F1, "f1_score"),
            Map.entry(ClassificationMetric.FBETA_2, "fbeta_score_beta_2"),
            Map.entry(ClassificationMetric.MATTHEWS_CORRCOEF, "matthews_corrcoef"),
            Map.entry(ClassificationMetric.COHEN_KAPPA, "cohen_kappa_score"),
            Map.entry(ClassificationMetric.SPECIFICITY, "specificity"),
            Map.entry(ClassificationMetric.ROC_AUC, "roc_auc_score"),
            Map.entry(ClassificationMetric.AVERAGE_PRECISION, "average_precision_score"),
            Map.entry(ClassificationMetric.LOG_LOSS, "log_loss"),
            Map.entry(ClassificationMetric.BRIER_SCORE_LOSS, "brier_score_loss"),
            Map.entry(ClassificationMetric.EXPECTED_CALIBRATION_ERROR, "expected_calibration_error")));

    static final Map<RegressionMetric, String> REGRESSION_NAMES = new EnumMap<>(Map.ofEntries(
            Map.entry(RegressionMetric.MEAN_SQUARED_ERROR, "mean_squared_error"),
            Map.entry(RegressionMetric.ROOT_MEAN_SQUARED_ERROR, "root_mean_squared_error"),
            Map.entry(RegressionMetric.MEAN_ABSOLUTE_ERROR, "mean_absolute_error"),
            Map.entry(RegressionMetric.MEDIAN_ABSOLUTE_ERROR, "median_absolute_error"),
            Map.entry(RegressionMetric.MAX_ERROR, "max_error"),
            Map.entry(RegressionMetric.R2, "r2_score"),
            Map.entry(RegressionMetric.EXPLAINED_VARIANCE, "explained_variance_score"),
            Map.entry(RegressionMetric.MEAN_ABSOLUTE_PERCENTAGE_ERROR, "mean_absolute_percentage_error"),
            Map.entry(RegressionMetric.MEAN_SQUARED_LOG_ERROR, "mean_squared_log_error"),
            Map.entry(RegressionMetric.MEAN_PREDICTION, "mean_prediction"),
            Map.entry(RegressionMetric.MEAN_TARGET, "mean_target")));

    private static final GoldenComparison COMPARISON = new GoldenComparison();
    private static JsonNode classification;
    private static JsonNode regression;

    @BeforeAll
    static void read() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        classification = mapper.readTree(SharedData.golden("performance/classification.json").toFile());
        regression = mapper.readTree(SharedData.golden("performance/regression.json").toFile());
    }

    @AfterAll
    static void report() {
        System.out.printf("performance goldens: %d keys compared, worst deviation %.3g%n", COMPARISON.compared(),
                COMPARISON.worst());
    }

    @Test
    void germanUnweightedMatchesScikitLearnAndFairlearnKeyByKey() {
        GoldenCsv csv = GoldenCsv.read(SharedData.golden("fairness/german_predictions.csv"));
        COMPARISON.compare("german", classification.get("german"),
                classificationBlock(csv, "credit", null, List.of("sex", "age_group")));
    }

    @Test
    void germanWeightedMatchesScikitLearnAndFairlearnKeyByKey() {
        GoldenCsv csv = GoldenCsv.read(SharedData.golden("fairness/german_predictions.csv"));
        COMPARISON.compare("german_weighted", classification.get("german_weighted"),
                classificationBlock(csv, "credit", csv.doubles("weight"), List.of("sex", "age_group")));
    }

    @Test
    void adultMatchesScikitLearnAndFairlearnKeyByKey() {
        GoldenCsv csv = GoldenCsv.read(SharedData.golden("fairness/adult_predictions.csv"));
        COMPARISON.compare("adult", classification.get("adult"),
                classificationBlock(csv, "income", null, List.of("sex", "race")));
    }

    @Test
    void adultRegressionMatchesScikitLearnAndFairlearnKeyByKey() {
        GoldenCsv csv = GoldenCsv.read(SharedData.golden("performance/adult_regression_predictions.csv"));
        COMPARISON.compare("regression adult", regression.get("adult"), regressionBlock(csv, null));
    }

    @Test
    void adultWeightedRegressionMatchesScikitLearnAndFairlearnKeyByKey() {
        GoldenCsv csv = GoldenCsv.read(SharedData.golden("performance/adult_regression_predictions.csv"));
        int[] row = csv.ints("row");
        double[] w = new double[row.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + (row[i] % 3);
        }
        COMPARISON.compare("regression adult_weighted", regression.get("adult_weighted"), regressionBlock(csv, w));
    }

    /**
     * Adult with pred = (score >= 0.9) by the intersection sex&race: two groups predict no positive, so
     * precision is 0/0 there. sklearn's zero_division 'warn'/0/1 are ZeroDivision.ZERO/ONE; Candor's
     * own answer (undefined, aggregates skip the cell) is the golden "_skip_undefined" aggregate.
     */
    @Test
    void zeroDivisionOnRealIntersectionsMatchesEachScikitLearnSettingAndSkipsUndefinedCells() {
        GoldenCsv csv = GoldenCsv.read(SharedData.golden("fairness/adult_predictions.csv"));
        JsonNode edge = classification.get("edge_cases").get("adult_sex_race_threshold_0.9");
        double[] score = csv.doubles("score");
        int[] pred = new int[score.length];
        for (int i = 0; i < pred.length; i++) {
            pred[i] = score[i] >= 0.9 ? 1 : 0;
        }
        ClassificationSample s = ClassificationSample.of(csv.ints("income"), pred, null, null);
        GroupAttribute inter = GroupAttribute.intersection(GroupAttribute.of("sex", csv.strings("sex")),
                GroupAttribute.of("race", csv.strings("race")));
        List<ClassificationMetric> ms = List.of(ClassificationMetric.PRECISION, ClassificationMetric.RECALL,
                ClassificationMetric.F1);
        PerformanceFrame<ClassificationSample> candor = PerformanceFrame.of(s, inter, ms);
        assertEquals(List.of("Female&Amer-Indian-Eskimo", "Male&Other"), candor.skipped(ClassificationMetric.PRECISION));
        for (String block : List.of("zero_division_warn", "zero_division_0", "zero_division_1")) {
            ZeroDivision z = block.endsWith("_1") ? ZeroDivision.ONE : ZeroDivision.ZERO;
            PerformanceFrame<ClassificationSample> f = PerformanceFrame.of(s, inter, ms, z);
            Map<String, Object> actual = new LinkedHashMap<>();
            actual.put("rows", f.rows());
            frame(actual, f, CLASSIFICATION_NAMES, s, inter);
            for (String g : f.groups()) {
                ClassificationSample part = s.subset(rows(inter, g));
                actual.put("protected.sex&race.groups." + g + ".predicted_positives", part.tp() + part.fp());
            }
            for (Aggregate a : Aggregate.values()) {
                actual.put("protected.sex&race." + a.key() + ".precision_score_skip_undefined",
                        candor.aggregate(a, ClassificationMetric.PRECISION));
            }
            COMPARISON.compare("edge " + block, edge.get(block), actual);
        }
        assertTrue(edge.get("zero_division_nan").get("raises").asText().contains("zero_division=nan"));
    }

    static Map<String, Object> classificationBlock(GoldenCsv csv, String label, double[] weights,
                                                   List<String> attributes) {
        ClassificationSample s = ClassificationSample.of(csv.ints(label), csv.ints("pred"), csv.doubles("score"),
                weights);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", s.rows());
        out.put("overall.confusion_matrix", new double[][] {{s.tn(), s.fp()}, {s.fn(), s.tp()}});
        CalibrationBins bins = CalibrationBins.of(s);
        out.put("overall.ece_bins.bin_ids", bins.binIds());
        out.put("overall.ece_bins.weight", bins.weight());
        out.put("overall.ece_bins.mean_y", bins.meanLabel());
        out.put("overall.ece_bins.mean_score", bins.meanScore());
        Map<String, CalibrationCurve> curves = Map.of("uniform", CalibrationCurve.uniform(s, 10),
                "quantile", CalibrationCurve.quantile(s, 10));
        curves.forEach((strategy, c) -> {
            String p = "overall.calibration_curve." + strategy + ".";
            out.put(p + "prob_true", c.probTrue());
            out.put(p + "prob_pred", c.probPred());
            out.put(p + "bin_edges", c.binEdges());
            out.put(p + "bin_ids", c.binIds());
            out.put(p + "bin_counts", c.binCounts());
        });
        for (boolean drop : new boolean[] {true, false}) {
            RocPoints r = RocPoints.of(s, drop);
            String p = "overall.roc_curve.drop_intermediate_" + drop + ".";
            out.put(p + "fpr", r.fpr());
            out.put(p + "tpr", r.tpr());
            out.put(p + "thresholds", r.thresholds());
        }
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(s);
        out.put("overall.precision_recall_curve.precision", pr.precision());
        out.put("overall.precision_recall_curve.recall", pr.recall());
        out.put("overall.precision_recall_curve.thresholds", pr.thresholds());
        for (String a : attributes) {
            GroupAttribute attr = GroupAttribute.of(a, csv.strings(a));
            PerformanceFrame<ClassificationSample> f = PerformanceFrame.of(s, attr, List.of(ClassificationMetric.values()));
            frame(out, f, CLASSIFICATION_NAMES, s, attr);
            for (String g : f.groups()) {
                ClassificationSample part = s.subset(rows(attr, g));
                out.put("protected." + a + ".groups." + g + ".confusion_matrix",
                        new double[][] {{part.tn(), part.fp()}, {part.fn(), part.tp()}});
            }
        }
        return out;
    }

    static Map<String, Object> regressionBlock(GoldenCsv csv, double[] weights) {
        RegressionSample s = RegressionSample.of(csv.doubles("hours_per_week"), csv.doubles("prediction"), weights);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", s.rows());
        for (String a : List.of("sex", "race")) {
            GroupAttribute attr = GroupAttribute.of(a, csv.strings(a));
            frame(out, PerformanceFrame.of(s, attr, RegressionMetric.available(s)), REGRESSION_NAMES, s, attr);
        }
        return out;
    }

    /** Overall, per group and aggregate values under the golden key names. */
    static <S extends PerformanceSample<S>, M extends PerformanceMetric<S>> void frame(
            Map<String, Object> out, PerformanceFrame<S> f, Map<M, String> names, S s, GroupAttribute attr) {
        String p = "protected." + f.attribute() + ".";
        out.put("overall.count", f.rows());
        if (s.weighted()) {
            out.put("overall.sum_of_weights", f.totalWeight());
        }
        for (PerformanceMetric<S> m : f.metrics()) {
            String name = names.get(m);
            out.put("overall." + name, f.overall(m));
            for (String g : f.groups()) {
                out.put(p + "groups." + g + "." + name, f.group(g, m));
            }
            for (Aggregate a : Aggregate.values()) {
                out.put(p + a.key() + "." + name, f.aggregate(a, m));
            }
        }
        for (String g : f.groups()) {
            out.put(p + "groups." + g + ".count", f.count(g));
            if (s.weighted()) {
                out.put(p + "groups." + g + ".sum_of_weights", f.sumOfWeights(g));
            }
        }
    }

    static int[] rows(GroupAttribute attr, String group) {
        int code = attr.values().indexOf(group);
        return java.util.stream.IntStream.range(0, attr.rows()).filter(i -> attr.codes()[i] == code).toArray();
    }
}
