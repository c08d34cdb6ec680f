package dev.candor.fairness.performance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.BadInputException;
import dev.candor.core.SharedData;
import dev.candor.fairness.GroupAttribute;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.UndefinedReason;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The degenerate inputs of the performance golden files ({@code edge_cases}): Candor's value is
 * undefined with a reason where scikit-learn substitutes a number, and {@link ZeroDivision} gives
 * scikit-learn's number; plus the bad-input errors naming column and row.
 */
class PerformanceEdgeCasesTest {

    private static JsonNode classification;
    private static JsonNode regression;

    @BeforeAll
    static void read() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        classification = mapper.readTree(SharedData.golden("performance/classification.json").toFile())
                .get("edge_cases");
        regression = mapper.readTree(SharedData.golden("performance/regression.json").toFile()).get("edge_cases");
    }

    private static ClassificationSample labels(JsonNode c) {
        JsonNode in = c.get("inputs");
        int[] y = ints(in.get("y_true"));
        return ClassificationSample.of(y, in.has("y_pred") ? ints(in.get("y_pred")) : null,
                in.has("score") ? doubles(in.get("score")) : null, null);
    }

    private static double golden(JsonNode c, String call) {
        return c.get("calls").get(call).get("value").doubleValue();
    }

    private static void undefined(UndefinedReason reason, MetricValue v) {
        assertFalse(v.isDefined(), "expected undefined, got " + v);
        assertEquals(reason, v.reason());
    }

    @Test
    void noPredictedPositivesLeavesPrecisionUndefinedAndZeroDivisionGivesScikitLearnsValues() {
        JsonNode c = classification.get("precision_no_predicted_positives");
        ClassificationSample s = labels(c);
        undefined(UndefinedReason.NO_PREDICTED_POSITIVES, ClassificationMetric.PRECISION.compute(s));
        assertEquals(golden(c, "precision_score(zero_division=0)"),
                ClassificationMetric.PRECISION.compute(s, ZeroDivision.ZERO).value());
        assertEquals(golden(c, "precision_score(zero_division=1)"),
                ClassificationMetric.PRECISION.compute(s, ZeroDivision.ONE).value());
        assertEquals(golden(c, "f1_score(zero_division=1)"), ClassificationMetric.F1.compute(s, ZeroDivision.ONE).value());
        assertEquals(golden(c, "fbeta_score(beta=2, zero_division=1)"),
                ClassificationMetric.FBETA_2.compute(s, ZeroDivision.ONE).value());
        assertEquals(golden(c, "recall_score()"), ClassificationMetric.RECALL.compute(s).value());
        undefined(UndefinedReason.NO_PREDICTED_POSITIVES, ClassificationMetric.MATTHEWS_CORRCOEF.compute(s));
        assertEquals(golden(c, "matthews_corrcoef()"),
                ClassificationMetric.MATTHEWS_CORRCOEF.compute(s, ZeroDivision.ZERO).value());
        assertEquals(golden(c, "cohen_kappa_score()"), ClassificationMetric.COHEN_KAPPA.compute(s).value());
        assertEquals(golden(c, "balanced_accuracy_score()"), ClassificationMetric.BALANCED_ACCURACY.compute(s).value());
        assertEquals(golden(c, "fairlearn true_negative_rate()"), ClassificationMetric.SPECIFICITY.compute(s).value());
    }

    @Test
    void noPositivesInTruthLeavesRecallAucAndAveragePrecisionUndefined() {
        JsonNode c = classification.get("no_true_positives_in_y");
        ClassificationSample s = labels(c);
        undefined(UndefinedReason.NO_POSITIVES, ClassificationMetric.RECALL.compute(s));
        assertEquals(golden(c, "recall_score(zero_division=1)"),
                ClassificationMetric.RECALL.compute(s, ZeroDivision.ONE).value());
        undefined(UndefinedReason.NO_POSITIVES, ClassificationMetric.ROC_AUC.compute(s));
        undefined(UndefinedReason.NO_POSITIVES, ClassificationMetric.ROC_AUC.compute(s, ZeroDivision.ZERO));
        undefined(UndefinedReason.NO_POSITIVES, ClassificationMetric.AVERAGE_PRECISION.compute(s));
        double ap = ClassificationMetric.AVERAGE_PRECISION.compute(s, ZeroDivision.ZERO).value();
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(ap), "sklearn returns -0.0");
        undefined(UndefinedReason.NO_POSITIVES, ClassificationMetric.BALANCED_ACCURACY.compute(s));
        assertEquals(golden(c, "balanced_accuracy_score()"),
                ClassificationMetric.BALANCED_ACCURACY.compute(s, ZeroDivision.ZERO).value());
        assertEquals(golden(c, "log_loss(score, labels=[0, 1])"), ClassificationMetric.LOG_LOSS.compute(s).value(), 1e-12);
        assertEquals(golden(c, "brier_score_loss(score)"), ClassificationMetric.BRIER_SCORE_LOSS.compute(s).value(), 1e-12);
        JsonNode pr = c.get("calls").get("precision_recall_curve(score)").get("value");
        PrecisionRecallCurve curve = PrecisionRecallCurve.of(s);
        assertArrayEquals(doubles(pr.get(0)), curve.precision());
        assertArrayEquals(doubles(pr.get(1)), curve.recall());
        assertArrayEquals(doubles(pr.get(2)), curve.thresholds());
        assertEquals(UndefinedReason.NO_POSITIVES, RocPoints.of(s, true).undefined());
    }

    @Test
    void oneClassEverywhereLeavesKappaAndMatthewsUndefined() {
        JsonNode c = classification.get("single_class_everything_negative");
        ClassificationSample s = labels(c);
        assertEquals(golden(c, "accuracy_score()"), ClassificationMetric.ACCURACY.compute(s).value());
        assertEquals(golden(c, "balanced_accuracy_score()"),
                ClassificationMetric.BALANCED_ACCURACY.compute(s, ZeroDivision.ZERO).value());
        assertEquals(golden(c, "f1_score(zero_division=1)"), ClassificationMetric.F1.compute(s, ZeroDivision.ONE).value());
        undefined(UndefinedReason.NO_POSITIVES, ClassificationMetric.F1.compute(s));
        assertEquals(golden(c, "matthews_corrcoef()"),
                ClassificationMetric.MATTHEWS_CORRCOEF.compute(s, ZeroDivision.ZERO).value());
        assertTrue(c.get("calls").get("cohen_kappa_score()").get("value").isNull());
        undefined(UndefinedReason.SINGLE_CLASS, ClassificationMetric.COHEN_KAPPA.compute(s, ZeroDivision.ZERO));
        assertEquals(golden(c, "fairlearn true_negative_rate()"), ClassificationMetric.SPECIFICITY.compute(s).value());
    }

    @Test
    void constantPredictionGivesZeroKappaAndUndefinedMatthews() {
        JsonNode c = classification.get("constant_prediction_mixed_truth");
        ClassificationSample s = labels(c);
        undefined(UndefinedReason.NO_PREDICTED_NEGATIVES, ClassificationMetric.MATTHEWS_CORRCOEF.compute(s));
        assertEquals(golden(c, "cohen_kappa_score()"), ClassificationMetric.COHEN_KAPPA.compute(s).value());
        assertEquals(golden(c, "precision_score()"), ClassificationMetric.PRECISION.compute(s).value());
        assertEquals(golden(c, "specificity (fairlearn true_negative_rate)"),
                ClassificationMetric.SPECIFICITY.compute(s).value());
    }

    @Test
    void tiedScoresFormOneStepInRocAndPrecisionRecall() {
        JsonNode c = classification.get("tied_scores");
        ClassificationSample s = labels(c);
        assertEquals(golden(c, "roc_auc_score"), ClassificationMetric.ROC_AUC.compute(s).value(), 1e-15);
        assertEquals(golden(c, "average_precision_score"), ClassificationMetric.AVERAGE_PRECISION.compute(s).value(),
                1e-15);
        for (boolean drop : new boolean[] {true, false}) {
            JsonNode g = c.get("calls").get("roc_curve(drop_intermediate=" + (drop ? "True" : "False") + ")").get("value");
            RocPoints r = RocPoints.of(s, drop);
            assertArrayEquals(doubles(g.get(0)), r.fpr());
            assertArrayEquals(doubles(g.get(1)), r.tpr());
            assertArrayEquals(doubles(g.get(2)), r.thresholds());
        }
        JsonNode pr = c.get("calls").get("precision_recall_curve").get("value");
        PrecisionRecallCurve curve = PrecisionRecallCurve.of(s);
        assertArrayEquals(doubles(pr.get(0)), curve.precision());
        assertArrayEquals(doubles(pr.get(1)), curve.recall());
        assertArrayEquals(doubles(pr.get(2)), curve.thresholds());
    }

    @Test
    void logLossClipsCertainWrongAnswersAtMachineEpsilon() {
        JsonNode c = classification.get("log_loss_clipping");
        assertEquals(golden(c, "log_loss"), ClassificationMetric.LOG_LOSS.compute(labels(c)).value(), 1e-12);
    }

    @Test
    void decimalScoresFallInTheirLeftClosedCalibrationBin() {
        JsonNode c = classification.get("calibration_bins_on_decimal_scores");
        ClassificationSample s = labels(c);
        JsonNode bins = c.get("calls").get("ECE bin of each score: np.searchsorted((np.arange(11) / 10.0)[1:-1], "
                + "score, side='right')").get("value");
        double[] scores = doubles(c.get("inputs").get("score"));
        for (int i = 0; i < scores.length; i++) {
            assertEquals(bins.get(i).intValue(), CalibrationBins.bin(scores[i]), "score " + scores[i]);
        }
        assertEquals(golden(c, "expected_calibration_error (this script)"),
                ClassificationMetric.EXPECTED_CALIBRATION_ERROR.compute(s).value(), 1e-15);
        for (String strategy : List.of("uniform", "quantile")) {
            JsonNode g = c.get("calls").get("calibration_curve(n_bins=10, strategy='" + strategy + "')").get("value");
            CalibrationCurve curve = strategy.equals("uniform") ? CalibrationCurve.uniform(s, 10)
                    : CalibrationCurve.quantile(s, 10);
            assertArrayEquals(doubles(g.get(0)), curve.probTrue(), strategy);
            assertArrayEquals(doubles(g.get(1)), curve.probPred(), strategy);
        }
    }

    private static RegressionSample regressionCase(JsonNode c) {
        JsonNode in = c.get("inputs");
        return RegressionSample.of(doubles(in.get("y_true")), doubles(in.get("y_pred")),
                in.has("sample_weight") ? doubles(in.get("sample_weight")) : null);
    }

    @Test
    void constantTargetLeavesR2UndefinedAndForceFiniteGivesScikitLearnsValue() {
        for (String name : List.of("constant_target_imperfect", "constant_target_perfect")) {
            JsonNode c = regression.get(name);
            RegressionSample s = regressionCase(c);
            undefined(UndefinedReason.CONSTANT_TARGET, RegressionMetric.R2.compute(s));
            undefined(UndefinedReason.CONSTANT_TARGET, RegressionMetric.EXPLAINED_VARIANCE.compute(s));
            assertEquals(golden(c, "r2_score"), RegressionMetric.R2.compute(s, ZeroDivision.ZERO).value(), name);
            assertEquals(golden(c, "explained_variance_score"),
                    RegressionMetric.EXPLAINED_VARIANCE.compute(s, ZeroDivision.ZERO).value(), name);
        }
    }

    @Test
    void oneRowLeavesR2UndefinedEvenForScikitLearn() {
        JsonNode c = regression.get("single_sample");
        RegressionSample s = regressionCase(c);
        undefined(UndefinedReason.TOO_FEW_ROWS, RegressionMetric.R2.compute(s, ZeroDivision.ZERO));
        assertEquals(golden(c, "explained_variance_score"),
                RegressionMetric.EXPLAINED_VARIANCE.compute(s, ZeroDivision.ZERO).value());
        assertEquals(golden(c, "mean_squared_error"), RegressionMetric.MEAN_SQUARED_ERROR.compute(s).value());
    }

    @Test
    void regressionEdgeValuesMatchScikitLearn() {
        JsonNode mape = regression.get("mape_zero_target");
        assertEquals(golden(mape, "mean_absolute_percentage_error"),
                RegressionMetric.MEAN_ABSOLUTE_PERCENTAGE_ERROR.compute(regressionCase(mape)).value(), 1.0);
        JsonNode median = regression.get("median_even_n");
        double[] y = doubles(median.get("inputs").get("y_true"));
        double[] p = doubles(median.get("inputs").get("y_pred"));
        assertEquals(golden(median, "median_absolute_error()"),
                RegressionMetric.MEDIAN_ABSOLUTE_ERROR.compute(RegressionSample.of(y, p, null)).value());
        assertEquals(golden(median, "median_absolute_error(sample_weight=all ones)"),
                RegressionMetric.MEDIAN_ABSOLUTE_ERROR.compute(RegressionSample.of(y, p, new double[] {1, 1, 1, 1})).value());
        assertEquals(golden(median, "median_absolute_error(sample_weight=[1, 1, 1, 2])"),
                RegressionMetric.MEDIAN_ABSOLUTE_ERROR.compute(RegressionSample.of(y, p, new double[] {1, 1, 1, 2})).value());
        JsonNode bias = regression.get("constant_bias");
        assertEquals(golden(bias, "r2_score"), RegressionMetric.R2.compute(regressionCase(bias)).value(), 1e-15);
        assertEquals(golden(bias, "explained_variance_score"),
                RegressionMetric.EXPLAINED_VARIANCE.compute(regressionCase(bias)).value(), 1e-15);
        // max_error takes no weights in scikit-learn: weighted or not, the largest absolute error.
        RegressionSample w = regressionCase(regression.get("max_error_weights"));
        assertEquals(1.0, RegressionMetric.MAX_ERROR.compute(w).value());
    }

    @Test
    void squaredLogErrorRefusesANegativePredictionNamingColumnAndRow() {
        RegressionSample s = regressionCase(regression.get("msle_negative"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> RegressionMetric.MEAN_SQUARED_LOG_ERROR.compute(s));
        assertTrue(e.getMessage().contains("column 'y_pred', row 1"), e.getMessage());
        assertFalse(RegressionMetric.available(s).contains(RegressionMetric.MEAN_SQUARED_LOG_ERROR));
    }

    @Test
    void badInputIsRefusedNamingColumnAndRow() {
        BadInputException nan = assertThrows(BadInputException.class, () -> RegressionSample.of(
                new double[] {1, Double.NaN}, new double[] {1, 2}, null, new RegressionSample.Columns("hours", "yhat", "w")));
        assertTrue(nan.getMessage().contains("column 'hours', row 1"), nan.getMessage());
        BadInputException length = assertThrows(BadInputException.class,
                () -> RegressionSample.of(new double[] {1, 2}, new double[] {1}, null));
        assertTrue(length.getMessage().contains("'y_pred' has 1 rows"), length.getMessage());
        ClassificationSample outside = ClassificationSample.of(new int[] {0, 1}, null, new double[] {0.2, 1.5}, null,
                new ClassificationSample.Columns("y", "p", "prob", "w"));
        for (ClassificationMetric m : List.of(ClassificationMetric.LOG_LOSS, ClassificationMetric.BRIER_SCORE_LOSS)) {
            BadInputException e = assertThrows(BadInputException.class, () -> m.compute(outside));
            assertTrue(e.getMessage().contains("column 'prob', row 1") && e.getMessage().contains(m.key()),
                    e.getMessage());
        }
        assertEquals(List.of(ClassificationMetric.ROC_AUC, ClassificationMetric.AVERAGE_PRECISION),
                ClassificationMetric.available(outside));
        BadInputException label = assertThrows(BadInputException.class,
                () -> ClassificationSample.of(new int[] {0, 2}, new int[] {0, 1}, null, null));
        assertTrue(label.getMessage().contains("column 'y_true', row 1"), label.getMessage());
    }

    @Test
    void anEmptyIntersectionCellIsUndefinedAndAggregatesSkipIt() {
        ClassificationSample s = ClassificationSample.of(new int[] {1, 0, 1, 0, 1}, new int[] {1, 0, 0, 0, 0}, null, null);
        GroupAttribute g = GroupAttribute.of("g", new String[] {"a", "a", "b", "b", "c"});
        PerformanceFrame<ClassificationSample> f = PerformanceFrame.of(s, g, List.of(ClassificationMetric.PRECISION));
        undefined(UndefinedReason.NO_PREDICTED_POSITIVES, f.group("b", ClassificationMetric.PRECISION));
        assertEquals(List.of("b", "c"), f.skipped(ClassificationMetric.PRECISION));
        assertEquals(0.0, f.aggregate(Aggregate.DIFFERENCE_BETWEEN_GROUPS, ClassificationMetric.PRECISION).value());
        assertEquals(1.0, f.aggregate(Aggregate.RATIO_TO_OVERALL, ClassificationMetric.PRECISION).value());
        assertTrue(f.derived().containsKey("precision_difference"));
    }

    private static int[] ints(JsonNode a) {
        int[] r = new int[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i).intValue();
        }
        return r;
    }

    private static double[] doubles(JsonNode a) {
        double[] r = new double[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i).doubleValue();
        }
        return r;
    }
}
