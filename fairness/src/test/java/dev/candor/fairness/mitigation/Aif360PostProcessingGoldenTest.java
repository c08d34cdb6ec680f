package dev.candor.fairness.mitigation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AIF360 0.6.1's post-processing on the golden German and Adult predictions, at the tolerances of
 * {@code ../shared/golden/mitigation/README.md}. The reference calls were
 * {@code RejectOptionClassification(low_class_thresh=0.01, high_class_thresh=0.99, num_class_thresh=100,
 * num_ROC_margin=50, metric_name="Statistical parity difference", metric_ub=0.05, metric_lb=-0.05)},
 * {@code EqOddsPostprocessing(seed=0)} and {@code CalibratedEqOddsPostprocessing(cost_constraint=K, seed=0)},
 * each {@code .fit(dataset_true, dataset_pred)} with the privileged value coded 1 and every other value 0.
 */
class Aif360PostProcessingGoldenTest {

    private static final String[] RATES = {"selection_rate", "true_positive_rate", "false_positive_rate",
        "true_negative_rate", "false_negative_rate", "accuracy", "balanced_accuracy"};

    static Stream<Arguments> attributes() {
        return Stream.of(Arguments.of("german", "sex", "male"), Arguments.of("german", "age_group", "gt25"),
                Arguments.of("adult", "sex", "Male"), Arguments.of("adult", "race", "White"));
    }

    private static PostProcessingGolden golden(String data) {
        return data.equals("german") ? PostProcessingGolden.german() : PostProcessingGolden.adult();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("attributes")
    void rejectOptionEqualsAif360ThresholdMarginAndEveryLabel(String data, String attr, String privileged) {
        PostProcessingGolden g = golden(data);
        String[] groups = g.column(attr);
        RejectOptionClassification roc = RejectOptionClassification.builder().privileged(privileged)
                .fit(g.score, g.label, groups);
        String p = "reject_option." + attr + ".";
        g.assertClose(p + "classification_threshold", roc.classificationThreshold(), 1e-12);
        g.assertClose(p + "ROC_margin", roc.rocMargin(), 1e-12);
        g.assertInt(p + "threshold_index", roc.thresholdIndex());
        g.assertInt(p + "margin_index", roc.marginIndex());
        g.assertClose(p + "balanced_accuracy", roc.balancedAccuracy(), 1e-9);
        g.assertClose(p + "fair_metric", roc.fairMetric(), 1e-9);
        assertEquals(g.node(p + "feasible").asBoolean(), roc.feasible());
        g.assertInt(p + "feasible_count", roc.feasibleCount());

        int[] labels = roc.labels(g.score, groups);
        double[] q = new double[labels.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = labels[i];
        }
        if (g.has(p + "labels")) {
            int[] expected = new int[labels.length];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = g.node(p + "labels").get(i).asInt();
            }
            assertArrayEquals(expected, labels);
        }
        CalibrationData d = CalibrationData.of(g.score, g.label, 1,
                PrivilegedSplit.fit(groups, List.of(privileged)).pool(groups), true);
        double t = roc.classificationThreshold();
        double m = roc.rocMargin();
        for (int code = -1; code < 2; code++) {
            String gp = code < 0 ? p + "overall." : p + "groups." + d.groups.get(code) + ".";
            long[] k = new long[6]; // tp, fp, tn, fn, count, critical region
            for (int i = 0; i < labels.length; i++) {
                if (code >= 0 && d.codes[i] != code) {
                    continue;
                }
                k[d.positive[i] ? (labels[i] == 1 ? 0 : 3) : (labels[i] == 1 ? 1 : 2)]++;
                k[4]++;
                if (g.score[i] > t - m && g.score[i] <= t + m) {
                    k[5]++;
                }
            }
            String[] names = {"tp", "fp", "tn", "fn", "count", "critical_region_count"};
            for (int j = 0; j < names.length; j++) {
                g.assertInt(gp + names[j], k[j]);
            }
            Map<String, Object> rates = ExpectedRates.of(q, d.positive, d.codes, code).asMap();
            for (String r : RATES) {
                g.assertClose(gp + r, (Double) rates.get(r), 1e-9);
            }
        }
        double srP = ExpectedRates.of(q, d.positive, d.codes, 0).selectionRate();
        double srU = ExpectedRates.of(q, d.positive, d.codes, 1).selectionRate();
        g.assertClose(p + "result.statistical_parity_difference", srU - srP, 1e-9);
        g.assertClose(p + "result.disparate_impact", srU / srP, 1e-9);
        g.assertClose(p + "result.balanced_accuracy", ExpectedRates.of(q, d.positive, d.codes, -1).balancedAccuracy(),
                1e-9);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("attributes")
    @SuppressWarnings("unchecked")
    void eqOddsEqualsAif360LinearProgramAndRates(String data, String attr, String privileged) {
        PostProcessingGolden g = golden(data);
        String[] groups = g.column(attr);
        EqOddsPostprocessing eo = EqOddsPostprocessing.builder(privileged).fit(g.score, g.label, groups);
        String p = "eq_odds." + attr + ".";
        g.assertClose(p + "model_params.sp2p", eo.sp2p(), 1e-6);
        g.assertClose(p + "model_params.sn2p", eo.sn2p(), 1e-6);
        g.assertClose(p + "model_params.op2p", eo.op2p(), 1e-6);
        g.assertClose(p + "model_params.on2p", eo.on2p(), 1e-6);
        g.assertClose(p + "lp.fun", eo.objectiveValue(), 1e-6);
        g.assertArray(p + "lp.c", eo.objectiveCoefficients(), 1e-9);
        for (int r = 0; r < 2; r++) {
            double[] row = eo.equalityMatrix()[r];
            for (int v = 0; v < 4; v++) {
                double e = g.node(p + "lp.A_eq").get(r).get(v).asDouble();
                assertEquals(e, row[v], 1e-9, p + "lp.A_eq[" + r + "][" + v + "]");
            }
        }
        Map<String, Object> groupInfo = (Map<String, Object>) eo.describe().get("groups");
        double[] q = eo.favorableProbability(g.score, groups);
        CalibrationData d = CalibrationData.of(g.score, g.label, 1,
                PrivilegedSplit.fit(groups, List.of(privileged)).pool(groups), true);
        for (int code = 0; code < 2; code++) {
            String name = d.groups.get(code);
            String gp = p + "groups." + name + ".";
            Map<String, Object> gi = (Map<String, Object>) groupInfo.get(name);
            g.assertInt(gp + "count", (Long) gi.get("count"));
            Map<String, Object> input = (Map<String, Object>) gi.get("input");
            for (String r : List.of("base_rate", "selection_rate", "true_positive_rate", "false_positive_rate",
                    "true_negative_rate", "false_negative_rate")) {
                g.assertClose(gp + "input." + r, (Double) input.get(r), 1e-9);
            }
            Map<String, Object> predict = (Map<String, Object>) gi.get("predict");
            for (String c : List.of("num_flipped_to_favorable", "num_flipped_to_unfavorable", "num_favorable")) {
                g.assertInt(gp + "predict." + c, (Long) predict.get(c));
            }
            ExpectedRates er = ExpectedRates.of(q, d.positive, d.codes, code);
            g.assertClose(gp + "expected.selection_rate", er.selectionRate(), 1e-6);
            g.assertClose(gp + "expected.true_positive_rate", er.truePositiveRate(), 1e-6);
            g.assertClose(gp + "expected.false_positive_rate", er.falsePositiveRate(), 1e-6);
            g.assertClose(gp + "expected.accuracy", er.accuracy(), 1e-6);
        }
        ExpectedRates all = ExpectedRates.of(q, d.positive, d.codes, -1);
        g.assertClose(p + "overall.expected.selection_rate", all.selectionRate(), 1e-6);
        g.assertClose(p + "overall.expected.true_positive_rate", all.truePositiveRate(), 1e-6);
        g.assertClose(p + "overall.expected.false_positive_rate", all.falsePositiveRate(), 1e-6);
        g.assertClose(p + "overall.expected.accuracy", all.accuracy(), 1e-6);
    }

    static Stream<Arguments> calibratedCases() {
        return attributes().flatMap(a -> Stream.of(CostConstraint.values())
                .map(k -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], k)));
    }

    @ParameterizedTest(name = "{0} {1} {3}")
    @MethodSource("calibratedCases")
    void calibratedEqOddsEqualsAif360MixingRates(String data, String attr, String privileged, CostConstraint k) {
        PostProcessingGolden g = golden(data);
        String[] groups = g.column(attr);
        CalibratedEqOddsPostprocessing ceo = CalibratedEqOddsPostprocessing.builder(privileged).costConstraint(k)
                .fit(g.score, g.label, groups);
        String p = "calibrated_eq_odds." + attr + "." + k.key() + ".";
        double tol = 1e-9;
        g.assertClose(p + "base_rate_priv", ceo.baseRatePriv(), tol);
        g.assertClose(p + "base_rate_unpriv", ceo.baseRateUnpriv(), tol);
        g.assertClose(p + "priv_mix_rate", ceo.privMixRate(), tol);
        g.assertClose(p + "unpriv_mix_rate", ceo.unprivMixRate(), tol);
        assertEquals(g.node(p + "unpriv_costs_more").asBoolean(), ceo.describe().get("unpriv_costs_more"));
        double[] q = ceo.favorableProbability(g.score, groups);
        CalibrationData d = CalibrationData.of(g.score, g.label, 1,
                PrivilegedSplit.fit(groups, List.of(privileged)).pool(groups), true);
        for (int code = 0; code < 2; code++) {
            boolean priv = code == 0;
            String gp = p + "groups." + d.groups.get(code) + ".";
            g.assertClose(gp + "cost", ceo.cost(priv), tol);
            g.assertClose(gp + "trivial_cost", ceo.trivialCost(priv), tol);
            g.assertClose(gp + "generalized_false_positive_rate", ceo.generalizedFalsePositiveRate(priv), tol);
            g.assertClose(gp + "generalized_false_negative_rate", ceo.generalizedFalseNegativeRate(priv), tol);
            g.assertClose(gp + "trivial_score", priv ? ceo.baseRatePriv() : ceo.baseRateUnpriv(), tol);
            g.assertClose(gp + "mix_probability", ceo.mixProbability(priv), tol);
            g.assertClose(gp + "expected.cost", ceo.expectedCost(priv), tol);
            Map<String, Object> rates = ExpectedRates.of(q, d.positive, d.codes, code).asMap();
            for (String r : RATES) {
                g.assertClose(gp + "expected." + r, (Double) rates.get(r), tol);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CostConstraint.class)
    void costConstraintNamesAreAif360s(CostConstraint k) {
        assertEquals(k, CostConstraint.of(k.key()));
    }
}
