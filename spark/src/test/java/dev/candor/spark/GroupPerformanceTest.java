package dev.candor.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.candor.core.SharedData;
import dev.candor.datasets.PredictionsTable;
import dev.candor.fairness.GroupAttribute;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.performance.ClassificationMetric;
import dev.candor.fairness.performance.ClassificationSample;
import dev.candor.fairness.performance.PerformanceFrame;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Performance by group from the distributed counts equals the single-machine {@link PerformanceFrame}
 * (label metrics and log loss to 1e-9; ROC AUC to 1e-9 with exact scores), and the ROC AUC of a
 * binned score histogram lies within its stated error bound of the exact AUC.
 */
class GroupPerformanceTest {

    @BeforeAll
    static void start() {
        LocalSpark.get();
    }

    @ParameterizedTest(name = "{0} with {5} score bins")
    @CsvSource({
        "fairness/german_predictions.csv, credit, pred, sex, age_group, 0",
        "fairness/german_predictions.csv, credit, pred, sex, age_group, 1000",
        "fairness/adult_predictions.csv, income, pred, sex, race, 0",
        "fairness/adult_predictions.csv, income, pred, sex, race, 100",
        "fairness/adult_predictions.csv, income, pred, sex, race, 10000"})
    void performanceByGroupEqualsTheSingleMachineFrame(String file, String label, String pred, String a1, String a2,
                                                       int bins) throws IOException {
        Path path = SharedData.golden(file);
        AuditSpec spec = AuditSpec.builder(label, pred).attribute(a1, null).attribute(a2, null).scores("score")
                .scoreBins(bins).build();
        Dataset<Row> data = CandorSparkAuditTest.csv(path).repartition(3);
        List<GroupPerformance> spark = CandorSpark.performance(data, spec);

        PredictionsTable t = PredictionsTable.read(path, spec.inputColumns());
        int[][] y = t.binaryLabels(label, pred, "1");
        ClassificationSample sample = ClassificationSample.of(y[0], y[1], t.doubles("score", "score", false), null);
        List<ClassificationMetric> metrics = ClassificationMetric.available(sample);
        for (GroupPerformance gp : spark) {
            GroupAttribute attr = GroupAttribute.of(gp.attribute(), t.strings(gp.attribute()));
            PerformanceFrame<ClassificationSample> frame = PerformanceFrame.of(sample, attr, metrics);
            for (String g : frame.groups()) {
                for (ClassificationMetric m : metrics) {
                    MetricValue actual = gp.groups().get(g).get(m.key());
                    if (actual == null) {
                        continue; // average_precision and brier_score_loss are not computed from counts
                    }
                    MetricValue expected = frame.group(g, m);
                    String what = gp.attribute() + "=" + g + " " + m.key();
                    if (!expected.isDefined()) {
                        assertThat(actual.isDefined()).as(what).isFalse();
                    } else if (m == ClassificationMetric.ROC_AUC && bins > 0) {
                        double bound = gp.aucErrorBound().get(g);
                        assertThat(actual.value()).as(what).isCloseTo(expected.value(), within(bound + 1e-12));
                    } else {
                        assertThat(actual.value()).as(what).isCloseTo(expected.value(), within(1e-9));
                    }
                }
            }
            double exactAuc = frame.overall(ClassificationMetric.ROC_AUC).value();
            double auc = gp.overall().get("roc_auc").value();
            double bound = gp.aucErrorBound().get(GroupPerformance.OVERALL);
            assertThat(auc).isCloseTo(exactAuc, within(bound + 1e-12));
            if (bins == 0) {
                assertThat(bound).isZero();
            } else {
                // the bound is informative: a fine histogram pins the AUC down to well under 1%
                assertThat(bound).isLessThan(bins >= 1000 ? 0.002 : 0.02);
            }
        }
    }
}
