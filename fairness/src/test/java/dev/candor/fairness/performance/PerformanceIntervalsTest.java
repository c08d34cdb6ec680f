package dev.candor.fairness.performance;

import dev.candor.fairness.GoldenCsv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.core.SharedData;
import dev.candor.fairness.Bootstrap;
import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.ConfidenceInterval;
import dev.candor.fairness.GroupAttribute;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bootstrap intervals of the label metrics: around the estimate, the same for any thread count. */
class PerformanceIntervalsTest {

    @Test
    void germanIntervalsHoldTheEstimateAndDoNotDependOnThreads() {
        GoldenCsv csv = GoldenCsv.read(SharedData.golden("fairness/german_predictions.csv"));
        int[] y = csv.ints("credit");
        int[] p = csv.ints("pred");
        GroupAttribute sex = GroupAttribute.of("sex", csv.strings("sex"));
        List<ClassificationMetric> ms = List.of(ClassificationMetric.ACCURACY, ClassificationMetric.RECALL,
                ClassificationMetric.MATTHEWS_CORRCOEF);
        BootstrapResult one = PerformanceIntervals.labelMetrics(Bootstrap.builder().resamples(400).seed(7).threads(1)
                .build(), y, p, null, sex, ms);
        BootstrapResult two = PerformanceIntervals.labelMetrics(Bootstrap.builder().resamples(400).seed(7).threads(2)
                .build(), y, p, null, sex, ms);
        assertEquals(one.intervals(), two.intervals());
        PerformanceFrame<ClassificationSample> f = PerformanceFrame.of(ClassificationSample.of(y, p, null, null), sex, ms);
        for (ClassificationMetric m : ms) {
            within(one.interval(PerformanceIntervals.overallName(m)), f.overall(m).value());
            for (String g : f.groups()) {
                within(one.interval(PerformanceIntervals.groupName(g, m)), f.group(g, m).value());
            }
            within(one.interval(PerformanceIntervals.aggregateName(Aggregate.DIFFERENCE_BETWEEN_GROUPS, m)),
                    f.aggregate(Aggregate.DIFFERENCE_BETWEEN_GROUPS, m).value());
        }
        assertThrows(IllegalArgumentException.class, () -> PerformanceIntervals.labelMetrics(Bootstrap.builder()
                .build(), y, p, null, sex, List.of(ClassificationMetric.ROC_AUC)));
    }

    private static void within(ConfidenceInterval ci, double estimate) {
        assertTrue(ci.lower() <= estimate && estimate <= ci.upper(), estimate + " outside " + ci);
        assertTrue(ci.upper() - ci.lower() < 0.3, "implausibly wide: " + ci);
    }
}
