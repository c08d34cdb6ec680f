package dev.candor.fairness.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.core.SharedData;
import dev.candor.fairness.Bootstrap;
import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.ConfidenceInterval;
import dev.candor.fairness.GoldenCsv;
import dev.candor.fairness.GroupAttribute;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Row-resampling intervals of score and regression metrics, checked against the same resamples
 * recomputed naively here (plain loops, pair counting for AUC, own type-7 percentile), and the
 * bootstrap spread of a mean against its closed form.
 */
class RowBootstrapIntervalsTest {

    @Test
    void regressionIntervalsEqualTheSameResamplesComputedNaively() {
        GoldenCsv csv = GoldenCsv.read(SharedData.golden("performance/adult_regression_predictions.csv"));
        double[] y = csv.doubles("hours_per_week");
        double[] p = csv.doubles("prediction");
        String[] sex = csv.strings("sex");
        GroupAttribute attr = GroupAttribute.of("sex", sex);
        Bootstrap boot = Bootstrap.builder().resamples(200).seed(11).threads(2).build();
        BootstrapResult r = PerformanceIntervals.rowMetrics(boot, RegressionSample.of(y, p, null), attr,
                List.of(RegressionMetric.MEAN_ABSOLUTE_ERROR, RegressionMetric.ROOT_MEAN_SQUARED_ERROR));
        int n = y.length;
        double[] overall = new double[200];
        double[] female = new double[200];
        double[] rmseMale = new double[200];
        double[] diff = new double[200];
        for (int b = 0; b < 200; b++) {
            int[] idx = boot.resampledRows(n, b);
            double all = 0;
            double f = 0;
            double nf = 0;
            double m = 0;
            double mAbs = 0;
            double nm = 0;
            for (int i : idx) {
                double e = Math.abs(p[i] - y[i]);
                all += e;
                if (sex[i].equals("Female")) {
                    f += e;
                    nf++;
                } else {
                    m += e * e;
                    mAbs += e;
                    nm++;
                }
            }
            overall[b] = all / n;
            female[b] = f / nf;
            rmseMale[b] = Math.sqrt(m / nm);
            diff[b] = Math.abs(f / nf - mAbs / nm);
        }
        RegressionMetric mae = RegressionMetric.MEAN_ABSOLUTE_ERROR;
        same(r.interval(PerformanceIntervals.overallName(mae)), overall);
        same(r.interval(PerformanceIntervals.groupName("Female", mae)), female);
        same(r.interval(PerformanceIntervals.groupName("Male", RegressionMetric.ROOT_MEAN_SQUARED_ERROR)), rmseMale);
        same(r.interval(PerformanceIntervals.aggregateName(Aggregate.DIFFERENCE_BETWEEN_GROUPS, mae)), diff);
    }

    @Test
    void scoreMetricIntervalsEqualTheSameResamplesComputedNaively() {
        GoldenCsv csv = GoldenCsv.read(SharedData.golden("fairness/german_predictions.csv"));
        int[] y = csv.ints("credit");
        int[] pred = csv.ints("pred");
        double[] s = csv.doubles("score");
        GroupAttribute attr = GroupAttribute.of("sex", csv.strings("sex"));
        Bootstrap boot = Bootstrap.builder().resamples(100).seed(5).build();
        BootstrapResult r = PerformanceIntervals.rowMetrics(boot, ClassificationSample.of(y, pred, s, null), attr,
                List.of(ClassificationMetric.ROC_AUC, ClassificationMetric.LOG_LOSS,
                        ClassificationMetric.BRIER_SCORE_LOSS, ClassificationMetric.AVERAGE_PRECISION));
        int n = y.length;
        double[] auc = new double[100];
        double[] logLoss = new double[100];
        double[] brier = new double[100];
        for (int b = 0; b < 100; b++) {
            int[] idx = boot.resampledRows(n, b);
            double pairs = 0;
            double wins = 0;
            double ll = 0;
            double br = 0;
            for (int i : idx) {
                ll -= y[i] == 1 ? Math.log(s[i]) : Math.log(1 - s[i]);
                br += (y[i] - s[i]) * (y[i] - s[i]);
                if (y[i] != 1) {
                    continue;
                }
                for (int j : idx) {
                    if (y[j] == 0) {
                        pairs++;
                        wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    }
                }
            }
            auc[b] = wins / pairs;
            logLoss[b] = ll / n;
            brier[b] = br / n;
        }
        same(r.interval(PerformanceIntervals.overallName(ClassificationMetric.ROC_AUC)), auc);
        same(r.interval(PerformanceIntervals.overallName(ClassificationMetric.LOG_LOSS)), logLoss);
        same(r.interval(PerformanceIntervals.overallName(ClassificationMetric.BRIER_SCORE_LOSS)), brier);
        ConfidenceInterval ap = r.interval(PerformanceIntervals.overallName(ClassificationMetric.AVERAGE_PRECISION));
        double apHat = ClassificationMetric.AVERAGE_PRECISION.compute(ClassificationSample.of(y, pred, s, null),
                ZeroDivision.UNDEFINED).value();
        assertTrue(ap.contains(apHat) && ap.upper() - ap.lower() < 0.1, ap + " around " + apHat);
    }

    /** The bootstrap distribution of a mean has variance σ²/n (σ² the population variance). */
    @Test
    void spreadOfTheMeanTargetMatchesItsClosedForm() {
        GoldenCsv csv = GoldenCsv.read(SharedData.golden("performance/adult_regression_predictions.csv"));
        double[] y = csv.doubles("hours_per_week");
        double[] p = csv.doubles("prediction");
        int n = y.length;
        double mean = Arrays.stream(y).sum() / n;
        double var = Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / n;
        double z = 1.959963984540054;
        ConfidenceInterval ci = PerformanceIntervals.rowMetrics(Bootstrap.builder().resamples(2000).seed(3).build(),
                RegressionSample.of(y, p, null), GroupAttribute.of("sex", csv.strings("sex")),
                List.of(RegressionMetric.MEAN_TARGET))
                .interval(PerformanceIntervals.overallName(RegressionMetric.MEAN_TARGET));
        double expectedHalfWidth = z * Math.sqrt(var / n);
        assertEquals(expectedHalfWidth, (ci.upper() - ci.lower()) / 2, 0.06 * expectedHalfWidth);
        assertEquals(mean, (ci.upper() + ci.lower()) / 2, 0.1 * expectedHalfWidth);
    }

    @Test
    void aGroupWithOneRowHasAnUndefinedIntervalWithItsReason() {
        double[] y = {1, 2, 3, 4, 5, 6, 7};
        double[] p = {1.5, 2, 2.5, 4, 6, 6, 9};
        GroupAttribute attr = GroupAttribute.of("g", new String[] {"a", "a", "a", "b", "b", "b", "lone"});
        BootstrapResult r = PerformanceIntervals.rowMetrics(Bootstrap.builder().resamples(50).seed(1).build(),
                RegressionSample.of(y, p, null), attr, List.of(RegressionMetric.MEAN_ABSOLUTE_ERROR));
        String lone = PerformanceIntervals.groupName("lone", RegressionMetric.MEAN_ABSOLUTE_ERROR);
        assertFalse(r.interval(lone).isDefined());
        assertEquals(50, r.undefinedResamples().get(lone));
        assertEquals(dev.candor.fairness.UndefinedReason.TOO_FEW_ROWS, PerformanceIntervals.SINGLE_ROW);
        assertTrue(r.interval(PerformanceIntervals.groupName("a", RegressionMetric.MEAN_ABSOLUTE_ERROR)).isDefined());
    }

    /** The interval equals the type-7 percentiles of the naive values. */
    private static void same(ConfidenceInterval ci, double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        assertEquals(type7(v, 0.025), ci.lower(), 1e-12);
        assertEquals(type7(v, 0.975), ci.upper(), 1e-12);
    }

    private static double type7(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        return sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
    }
}
